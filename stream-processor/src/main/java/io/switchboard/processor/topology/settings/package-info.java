/**
 * What every part of the topology reads: its settings and its stores' names. A leaf package, so the
 * topology builder and its processors (commands, presence, users) both depend on it and not on each other.
 */
package io.switchboard.processor.topology.settings;

package io.switchboard.bench.scenario;

/**
 * What the search scenario measured: latency of {@code GET /api/search}'s query (PgReadModel.search) for
 * two-word queries, in milliseconds, and how many hits a page held on average; and the worst case asked
 * on its own: the two most common words, whose matches (thousands) all have to be sorted by time.
 */
public record SearchResults(long messages, long searchable, int conversations, int queries, double seedSeconds,
                            double p50Ms, double p95Ms, double p99Ms, double maxMs, double meanHits,
                            double fullPages, String commonPair, long commonPairHits, double commonPairP99Ms,
                            String schema, boolean schemaKept) {
}

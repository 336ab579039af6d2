package io.switchboard.schemas.live;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClusterNamesTest {

    @Test
    void shouldTagTheIdSoAConversationsChannelAndMarksShareOneHashTagWhenTagged() {
        assertThat(ClusterNames.tagged(Channels.conversation("c1"))).isEqualTo("sb:conv:{c1}");
        assertThat(ClusterNames.tagged(Channels.lastSeqKey("c1"))).isEqualTo("sb:lastseq:{c1}");
        assertThat(ClusterNames.tagged(Channels.publishedOffsetKey("c1"))).isEqualTo("sb:pubat:{c1}");
        assertThat(ClusterNames.tagged(Channels.user("u:1"))).isEqualTo("sb:user:{u:1}");
    }

    @Test
    void shouldLeaveNamesWithoutAnIdAsTheyAreWhenTagged() {
        assertThat(ClusterNames.tagged(Channels.PRESENCE)).isEqualTo("sb:presence");
        assertThat(ClusterNames.untagged(Channels.PRESENCE)).isEqualTo("sb:presence");
    }

    @Test
    void shouldGiveBackTheOriginalNameWhenUntagged() {
        for (String id : new String[] {"c1", "a}b", "x{y", "{z}", "with:colons", ""}) {
            String name = Channels.conversation(id);
            assertThat(ClusterNames.untagged(ClusterNames.tagged(name))).as(id).isEqualTo(name);
        }
    }
}

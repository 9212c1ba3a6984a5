package org.metrohub.media.sfu.speaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class LastNTest {
    private static final List<String> ROOM = List.of("alice", "bob", "carol", "dave", "erin");

    @Test
    void unlimitedForwardsEveryoneButTheReceiverItself() {
        LastN lastN = new LastN(LastN.UNLIMITED);

        List<LastNChange> changes = lastN.update(ROOM, ROOM, List.of());

        assertThat(changes).hasSize(5);
        assertThat(lastN.forwarded("alice")).containsExactly("bob", "carol", "dave", "erin");
        assertThat(lastN.forwarded("erin")).containsExactly("alice", "bob", "carol", "dave");
        assertThat(changes.get(0).added()).containsExactlyInAnyOrder("bob", "carol", "dave", "erin");
        assertThat(changes.get(0).removed()).isEmpty();
    }

    @Test
    void keepsTheMostRecentSpeakers() {
        LastN lastN = new LastN(2);

        lastN.update(ROOM, ROOM, List.of("dave", "carol", "alice"));

        assertThat(lastN.forwarded("bob")).containsExactly("dave", "carol");
        assertThat(lastN.forwarded("dave")).containsExactly("carol", "alice");
        // nobody spoke yet: senders in the order given
        LastN fresh = new LastN(2);
        fresh.update(ROOM, ROOM, List.of());
        assertThat(fresh.forwarded("alice")).containsExactly("bob", "carol");
    }

    @Test
    void pinnedEndpointsComeFirstAndCountTowardsN() {
        LastN lastN = new LastN(2);
        lastN.setPinned("bob", List.of("erin", "bob")); // pinning oneself does nothing

        lastN.update(ROOM, ROOM, List.of("dave", "carol"));

        assertThat(lastN.forwarded("bob")).containsExactly("erin", "dave");
        assertThat(lastN.forwarded("alice")).containsExactly("dave", "carol");
    }

    @Test
    void reportsOnlyWhatChangedAsAddAndRemoveSets() {
        LastN lastN = new LastN(2);
        lastN.update(ROOM, ROOM, List.of("alice", "bob", "carol"));

        List<LastNChange> changes = lastN.update(ROOM, ROOM, List.of("dave", "alice", "bob", "carol"));

        // dave becomes the latest speaker: everyone but dave (whose top two stay alice, bob) gets him.
        LastNChange carol = changes.stream().filter(c -> c.receiverId().equals("carol")).findFirst().orElseThrow();
        assertThat(carol.forwarded()).containsExactly("dave", "alice");
        assertThat(carol.added()).containsExactly("dave");
        assertThat(carol.removed()).containsExactly("bob");
        assertThat(changes).extracting(LastNChange::receiverId).doesNotContain("dave"); // still alice, bob
        assertThat(lastN.update(ROOM, ROOM, List.of("dave", "alice", "bob", "carol"))).isEmpty();
    }

    @Test
    void ignoresSpeakersWithoutVideoAndDropsLeavers() {
        LastN lastN = new LastN(2);
        List<String> senders = List.of("alice", "bob", "carol"); // dave and erin are audio-only

        lastN.update(ROOM, senders, List.of("dave", "erin", "carol"));
        assertThat(lastN.forwarded("erin")).containsExactly("carol", "alice");

        List<LastNChange> changes = lastN.update(ROOM, List.of("alice", "bob"), List.of("dave", "erin", "carol"));
        LastNChange erin = changes.stream().filter(c -> c.receiverId().equals("erin")).findFirst().orElseThrow();
        assertThat(erin.removed()).containsExactly("carol");
        assertThat(erin.added()).containsExactly("bob");
    }

    @Test
    void zeroForwardsNothingAndNCanChange() {
        LastN lastN = new LastN(0);
        lastN.update(ROOM, ROOM, List.of());
        assertThat(lastN.forwarded("alice")).isEmpty();

        lastN.setN(1);
        List<LastNChange> changes = lastN.update(ROOM, ROOM, List.of("carol"));
        assertThat(lastN.forwarded("alice")).containsExactly("carol");
        assertThat(lastN.forwarded("carol")).containsExactly("alice");
        assertThat(changes).hasSize(5);

        assertThatThrownBy(() -> lastN.setN(-2)).isInstanceOf(IllegalArgumentException.class);
    }
}

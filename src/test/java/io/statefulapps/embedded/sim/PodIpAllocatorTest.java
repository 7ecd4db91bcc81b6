package io.statefulapps.embedded.sim;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Pod IPs per node, unique, and enough of them for a node with thousands of pods. */
class PodIpAllocatorTest {

    @Test
    void eachNodeHandsOutItsOwnSlash24First() {
        PodIpAllocator ips = new PodIpAllocator();
        assertEquals("10.244.0.2", ips.allocate("node-a"));
        assertEquals("10.244.1.2", ips.allocate("node-b"));
        assertEquals("10.244.0.3", ips.allocate("node-a"));
    }

    @Test
    void aBusyNodeGetsFurtherRangesAndNeverRepeatsAnAddressInUse() {
        PodIpAllocator ips = new PodIpAllocator();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            assertTrue(seen.add(ips.allocate("big")), "unique");
        }
        assertTrue(seen.contains("10.246.0.2"), "a second /24 from the shared ranges");
        ips.reserve("10.244.1.2");
        assertEquals("10.244.1.3", ips.allocate("small"), "an address a pod already shows is skipped");
    }

    @Test
    void releasedAddressesComeBackOnceTheRangesAreUsedUp() {
        PodIpAllocator ips = new PodIpAllocator();
        String first = ips.allocate("n");
        ips.release("n", first);
        assertEquals("10.244.0.3", ips.allocate("n"), "not at once: the next fresh address first");
        for (int i = 0; i < 251; i++) {
            ips.allocate("n");
        }
        assertEquals(first, ips.allocate("n"), "then the longest released");
    }
}

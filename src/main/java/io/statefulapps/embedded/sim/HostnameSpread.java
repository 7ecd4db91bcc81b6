package io.statefulapps.embedded.sim;

/**
 * PodTopologySpread's score for a pod that brings no constraints of its own but has a controller:
 * kube-scheduler then applies the system default constraints, of which only the one on
 * kubernetes.io/hostname (maxSkew 3, ScheduleAnyway) has a key the simulated nodes carry. Each
 * feasible node scores by how many pods of the same controller it holds, normalized so that the
 * emptiest scores 100; weighted 2 in the default profile, it keeps a set's pods on different nodes.
 */
final class HostnameSpread {

    static final long WEIGHT = 2;
    private static final int MAX_SKEW = 3;
    private static final long MAX = 100;

    private HostnameSpread() {
    }

    /**
     * The normalized scores of the feasible nodes, given the pods of the controller each holds
     * ({@code siblings}, -1 for a node without a hostname label, which the constraint does not score).
     */
    static long[] scores(int[] siblings) {
        int labelled = 0;
        for (int s : siblings) {
            labelled += s >= 0 ? 1 : 0;
        }
        double weight = Math.log(labelled + 2);
        long[] raw = new long[siblings.length];
        long min = Long.MAX_VALUE;
        long max = 0;
        for (int i = 0; i < siblings.length; i++) {
            raw[i] = siblings[i] < 0 ? 0 : Math.round(siblings[i] * weight + (MAX_SKEW - 1));
            min = Math.min(min, raw[i]);
            max = Math.max(max, raw[i]);
        }
        long[] result = new long[siblings.length];
        for (int i = 0; i < siblings.length; i++) {
            result[i] = max == 0 ? MAX : MAX * (max + min - raw[i]) / max;
        }
        return result;
    }
}

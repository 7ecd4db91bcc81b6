package io.statefulapps.live;

/** What happens to the data when a claim is (or would be) deleted, in words for the caller. Pure. */
public final class ClaimNotes {

    public static final String DELETE = "Delete";

    private ClaimNotes() {
    }

    /** For a kept claim: the warning about deleting it later, or null when its volume would survive. */
    public static String keptWarning(String claim, String volume, String reclaimPolicy) {
        if (volume == null) {
            return "PersistentVolumeClaim/" + claim + " is not bound to a volume yet";
        }
        if (DELETE.equals(reclaimPolicy)) {
            return "deleting PersistentVolumeClaim/" + claim + " (deleteData=true) would delete PersistentVolume/"
                    + volume + " and its data: its reclaim policy is Delete";
        }
        return null;
    }

    /** For a deleted claim: what becomes of its volume. */
    public static String deletedNote(String claim, String volume, String reclaimPolicy) {
        if (volume == null) {
            return "PersistentVolumeClaim/" + claim + " was deleted; it had no volume";
        }
        if (DELETE.equals(reclaimPolicy)) {
            return "PersistentVolumeClaim/" + claim + " was deleted, and with it PersistentVolume/" + volume
                    + " and its data (reclaim policy Delete)";
        }
        return "PersistentVolumeClaim/" + claim + " was deleted; PersistentVolume/" + volume
                + " is kept (reclaim policy " + reclaimPolicy + ") and becomes Released: an administrator must recycle"
                + " or delete it";
    }
}

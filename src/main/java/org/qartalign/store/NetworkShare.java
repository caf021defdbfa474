package org.qartalign.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** SQLite's locks are unreliable on network file systems, so a database there gets a warning. */
public final class NetworkShare {
    private static final Set<String> NETWORK_TYPES = Set.of("nfs", "nfs4", "cifs", "smb", "smb2", "smbfs", "smb3",
            "fuse.sshfs", "9p", "afs", "ncpfs", "davfs", "fuse.davfs2", "fuse.rclone");

    private NetworkShare() {
    }

    /** A warning when {@code file} lies on a network share according to {@code /proc/mounts}, else empty. */
    public static Optional<String> warning(Path file) {
        Path mounts = Path.of("/proc/mounts");
        if (!Files.isReadable(mounts)) {
            return Optional.empty();
        }
        try {
            return warning(file, Files.readAllLines(mounts));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The same check over the lines of a mounts table (device, mount point, type, ...). */
    public static Optional<String> warning(Path file, List<String> mountLines) {
        Path abs = file.toAbsolutePath().normalize();
        String bestType = null;
        int bestLength = -1;
        for (String line : mountLines) {
            String[] f = line.split(" ");
            if (f.length < 3) {
                continue;
            }
            Path point = Path.of(f[1].replace("\\040", " "));
            if (abs.startsWith(point) && point.toString().length() > bestLength) {
                bestLength = point.toString().length();
                bestType = f[2];
            }
        }
        if (bestType != null && NETWORK_TYPES.contains(bestType)) {
            return Optional.of("warning: " + abs + " is on a network share (" + bestType + "). SQLite cannot lock "
                    + "files reliably there: two people labeling into it at once can corrupt it. Keep the database "
                    + "on a local disk and use `split`/`merge` to work apart.");
        }
        return Optional.empty();
    }
}

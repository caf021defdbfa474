package org.qartalign.team;

import org.junit.jupiter.api.Test;
import org.qartalign.store.NetworkShare;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NetworkShareTest {
    private static final List<String> MOUNTS = List.of(
            "/dev/sda1 / ext4 rw,relatime 0 0",
            "server:/export/team /mnt/team nfs4 rw,relatime 0 0",
            "//nas/labels /mnt/nas cifs rw 0 0",
            "/dev/sdb1 /mnt/team/local ext4 rw 0 0",
            "me@host:/data /home/me/remote fuse.sshfs rw 0 0");

    @Test
    void aDatabaseOnNfsCifsOrSshfsIsWarnedAboutAndALocalDiskIsNot() {
        assertTrue(NetworkShare.warning(Path.of("/mnt/team/labels.db"), MOUNTS).orElseThrow()
                .contains("is on a network share (nfs4)"));
        assertTrue(NetworkShare.warning(Path.of("/mnt/nas/a/labels.db"), MOUNTS).orElseThrow().contains("(cifs)"));
        assertTrue(NetworkShare.warning(Path.of("/home/me/remote/labels.db"), MOUNTS).isPresent());
        assertEquals(java.util.Optional.empty(), NetworkShare.warning(Path.of("/mnt/team/local/labels.db"), MOUNTS),
                "the deepest mount point decides");
        assertEquals(java.util.Optional.empty(), NetworkShare.warning(Path.of("/home/me/labels.db"), MOUNTS));
    }
}

package io.pdig.journal.store;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Journal files hold everything the tracee did (paths, argv, environment): the directory is 0700 and
 * every file 0600. Chronicle creates its files with the process umask, so they are tightened right
 * after it creates them (at open and on each roll); the 0700 directory keeps others out meanwhile.
 */
public final class Permissions {
    public static final Set<PosixFilePermission> DIR = PosixFilePermissions.fromString("rwx------");
    public static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    public static final FileAttribute<Set<PosixFilePermission>> DIR_ATTR = PosixFilePermissions.asFileAttribute(DIR);
    public static final FileAttribute<Set<PosixFilePermission>> FILE_ATTR = PosixFilePermissions.asFileAttribute(FILE);

    private Permissions() {
    }

    /** Sets 0600 on every regular file in {@code dir} and 0700 on its subdirectories (one level). */
    public static void tighten(Path dir) throws IOException {
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                if (Files.isRegularFile(p)) {
                    if (!Files.getPosixFilePermissions(p).equals(FILE)) Files.setPosixFilePermissions(p, FILE);
                } else if (Files.isDirectory(p)) {
                    if (!Files.getPosixFilePermissions(p).equals(DIR)) Files.setPosixFilePermissions(p, DIR);
                    tighten(p);
                }
            }
        }
    }
}

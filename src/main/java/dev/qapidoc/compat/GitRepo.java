package dev.qapidoc.compat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevTree;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * Schemas read straight from git objects with JGit (no git binary, no checkout).
 *
 * <p>The schema loader follows {@code include}s through the file system, so a revision is laid
 * out as the {@code .json} files of its tree in a temporary folder ({@link #checkout}); blobs
 * already written for an earlier revision are copied from a per-blob cache instead of being
 * inflated again, which is what makes reading every release of QEMU cheap.
 */
public final class GitRepo implements AutoCloseable {
    private static final Pattern RELEASE = Pattern.compile("v(\\d+)\\.(\\d+)\\.0");

    private final Repository repo;
    private final Map<ObjectId, byte[]> blobs = new HashMap<>();

    private GitRepo(Repository repo) {
        this.repo = repo;
    }

    /**
     * Opens the repository at {@code dir} (a work tree with {@code .git}, or a bare one).
     *
     * @throws IOException if it is not a git repository
     */
    public static GitRepo open(Path dir) throws IOException {
        FileRepositoryBuilder b = new FileRepositoryBuilder().setMustExist(true);
        Path dotGit = dir.resolve(".git");
        if (Files.exists(dotGit)) {
            b.setGitDir(dotGit.toFile());
        } else {
            b.setGitDir(dir.toFile());
        }
        try {
            return new GitRepo(b.build());
        } catch (IOException | IllegalArgumentException e) {
            throw new IOException(dir + ": not a git repository");
        }
    }

    /** Every tag {@code vX.Y.0}, oldest version first. */
    public List<String> releaseTags() throws IOException {
        List<String> tags = new ArrayList<>();
        for (Ref r : repo.getRefDatabase().getRefsByPrefix(Constants.R_TAGS)) {
            String t = r.getName().substring(Constants.R_TAGS.length());
            if (RELEASE.matcher(t).matches()) {
                tags.add(t);
            }
        }
        tags.sort(Comparator.comparingInt((String t) -> part(t, 1)).thenComparingInt(t -> part(t, 2)));
        return tags;
    }

    private static int part(String tag, int group) {
        Matcher m = RELEASE.matcher(tag);
        m.matches();
        return Integer.parseInt(m.group(group));
    }

    /** True when {@code rev} names a commit. */
    public boolean hasRevision(String rev) throws IOException {
        return repo.resolve(rev + "^{commit}") != null;
    }

    /**
     * True when {@code a} and {@code b} hold the same files (the same tree object), e.g. HEAD
     * checked out at the newest release tag.
     */
    public boolean sameTree(String a, String b) throws IOException {
        return tree(a).getId().equals(tree(b).getId());
    }

    /** True when commit {@code a} is {@code b} or one of its ancestors. */
    public boolean isAncestor(String a, String b) throws IOException {
        try (RevWalk w = new RevWalk(repo)) {
            RevCommit ca = w.parseCommit(repo.resolve(a + "^{commit}"));
            RevCommit cb = w.parseCommit(repo.resolve(b + "^{commit}"));
            return w.isMergedInto(ca, cb);
        }
    }

    /** True when {@code path} is a file in {@code rev}'s tree. */
    public boolean exists(String rev, String path) throws IOException {
        RevTree tree = tree(rev);
        try (TreeWalk w = TreeWalk.forPath(repo, path, tree)) {
            return w != null && !w.isSubtree();
        }
    }

    /** The content of {@code path} at {@code rev}. */
    public byte[] read(String rev, String path) throws IOException {
        RevTree tree = tree(rev);
        try (TreeWalk w = TreeWalk.forPath(repo, path, tree)) {
            if (w == null || w.isSubtree()) {
                throw new IOException(rev + ":" + path + ": no such file");
            }
            return blob(w.getObjectId(0));
        }
    }

    /**
     * Writes every {@code .json} file of {@code rev}'s tree below {@code dir}, so that a schema
     * there can include the others exactly as in a checkout.
     */
    public void checkout(String rev, Path dir) throws IOException {
        RevTree tree = tree(rev);
        try (TreeWalk w = new TreeWalk(repo)) {
            w.addTree(tree);
            w.setRecursive(true);
            while (w.next()) {
                String p = w.getPathString();
                if (p.endsWith(".json")) {
                    Path f = dir.resolve(p);
                    Files.createDirectories(f.getParent());
                    Files.write(f, blob(w.getObjectId(0)));
                }
            }
        }
    }

    private byte[] blob(ObjectId id) throws IOException {
        byte[] b = blobs.get(id);
        if (b == null) {
            try (ObjectReader r = repo.newObjectReader()) {
                b = r.open(id, Constants.OBJ_BLOB).getBytes();
            }
            blobs.put(id.copy(), b);
        }
        return b;
    }

    private RevTree tree(String rev) throws IOException {
        ObjectId id = repo.resolve(rev + "^{commit}");
        if (id == null) {
            throw new IOException("unknown revision '" + rev + "'");
        }
        try (RevWalk w = new RevWalk(repo)) {
            RevCommit c = w.parseCommit(id);
            return c.getTree();
        }
    }

    /** Deletes a folder made by {@link #checkout} (best effort: it is a temporary folder). */
    public static void delete(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // Leftovers in the temporary folder do no harm.
        }
    }

    @Override
    public void close() {
        repo.close();
    }
}

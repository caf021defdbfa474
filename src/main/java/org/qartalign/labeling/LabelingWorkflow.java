package org.qartalign.labeling;

import org.qartalign.core.FailureReason;
import org.qartalign.core.Label;
import org.qartalign.core.LabelKind;
import org.qartalign.core.Labeler;
import org.qartalign.core.LabelingSession;
import org.qartalign.store.Database;
import org.qartalign.store.DatasetRepository;
import org.qartalign.store.DatasetSplit;
import org.qartalign.store.LabelRepository;
import org.qartalign.store.SettingRepository;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedList;
import java.util.Random;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * One labeler's pass over the dataset. Every key press that changes an answer is written as a new label version
 * in its own durable transaction before the method returns, so a crash loses nothing acknowledged.
 * Not thread-safe: one labeling screen drives it.
 */
public final class LabelingWorkflow {
    private final LabelRepository labels;
    private final Labeler labeler;
    private final LabelingSession session;
    private final Clock clock;
    private final int total;
    private final Instant started;
    private final OverlapPolicy policy;
    private final long seed;
    private final Random retestPlacement;
    private final List<LabelingQueue.Item> queue;
    /** Items finished in this session, newest first; true where the code was answered rather than flagged. */
    private final Deque<Map.Entry<LabelingQueue.Item, Boolean>> answeredThisSession = new ArrayDeque<>();
    private final Map<String, String> headByCode = new HashMap<>();
    private final Map<String, String> retestHeadByCode = new HashMap<>();
    private int done;
    private int completedThisSession;

    private LabelingQueue.Item currentItem;
    private String current;
    private Instant shownAt;
    private Long scanMillis;
    private String chainHead;
    private Boolean scanned;
    private FailureReason reason;
    private Integer aesthetic;

    public LabelingWorkflow(Database db, Labeler labeler, LabelingSession session, Clock clock) {
        this.labels = new LabelRepository(db);
        this.labeler = labeler;
        this.session = session;
        this.clock = clock;
        this.started = clock.instant();
        this.policy = OverlapPolicy.load(db);
        this.seed = LabelingQueue.seedFor(labeler.name());
        this.retestPlacement = new Random(seed ^ clock.millis());
        List<String> all = new DatasetRepository(db).codeIds();
        List<Label> heads = labels.heads(labeler.id());
        for (Label h : heads) {
            (h.hasFlag("retest") ? retestHeadByCode : headByCode).put(h.codeId(), h.uuid());
        }
        this.total = all.size();
        this.done = LabelingQueue.done(heads).size();
        this.queue = new LinkedList<>(LabelingQueue.plan(all, heads, labels.finishedByOthers(labeler.id()), policy,
                seed, LabelingQueue.partition(new SettingRepository(db).get(DatasetSplit.PARTITION_KEY))));
        advance();
    }

    /** The code on screen, or empty when this labeler has finished every code. */
    public Optional<String> current() {
        return Optional.ofNullable(current);
    }

    /** The code that will follow the current one, to decode its image ahead of time. */
    public Optional<String> next() {
        return queue.isEmpty() ? Optional.empty() : Optional.of(queue.get(0).codeId());
    }

    public Boolean scanned() {
        return scanned;
    }

    public FailureReason reason() {
        return reason;
    }

    public Integer aesthetic() {
        return aesthetic;
    }

    public int total() {
        return total;
    }

    public int done() {
        return done;
    }

    public int completedThisSession() {
        return completedThisSession;
    }

    public Labeler labeler() {
        return labeler;
    }

    public LabelingSession session() {
        return session;
    }

    /** Answers per hour in this session, or 0 before the first answer. */
    public double answersPerHour() {
        double hours = Duration.between(started, clock.instant()).toMillis() / 3_600_000.0;
        return completedThisSession == 0 || hours <= 0 ? 0 : completedThisSession / hours;
    }

    /** Time left for the remaining codes at this session's pace, or empty before the pace is known. */
    public Optional<Duration> timeLeft() {
        double rate = answersPerHour();
        if (rate <= 0) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofSeconds(Math.round((total - done) / rate * 3600)));
    }

    /**
     * The scan key: S/Y (true) or N (false). Returns true when the code is complete and the next one is shown.
     * A key that repeats the answer already given writes nothing.
     */
    public boolean answerScan(boolean didScan) {
        requireCurrent();
        if (scanned != null && scanned == didScan) {
            return false;
        }
        Boolean oldScanned = scanned;
        FailureReason oldReason = reason;
        Long oldMillis = scanMillis;
        if (scanMillis == null) {
            scanMillis = Math.max(0, Duration.between(shownAt, clock.instant()).toMillis());
        }
        scanned = didScan;
        if (didScan) {
            reason = null;
        }
        try {
            return write();
        } catch (RuntimeException e) {
            scanned = oldScanned;
            reason = oldReason;
            scanMillis = oldMillis;
            throw e;
        }
    }

    /** The optional reason after N. */
    public void answerReason(FailureReason why) {
        requireCurrent();
        if (scanned == null || scanned) {
            throw new IllegalStateException("a failure reason follows a 'not scanned' answer");
        }
        if (reason == why) {
            return;
        }
        FailureReason old = reason;
        reason = why;
        try {
            write();
        } catch (RuntimeException e) {
            reason = old;
            throw e;
        }
    }

    /** The aesthetic key 1-5. Returns true when the code is complete and the next one is shown. */
    public boolean answerAesthetic(int score) {
        requireCurrent();
        if (score < 1 || score > 5) {
            throw new IllegalArgumentException("aesthetic score must be 1-5, got " + score);
        }
        if (aesthetic != null && aesthetic == score) {
            return false;
        }
        Integer old = aesthetic;
        aesthetic = score;
        try {
            return write();
        } catch (RuntimeException e) {
            aesthetic = old;
            throw e;
        }
    }

    /** K: the code comes back after all the others. */
    public void skip() {
        requireCurrent();
        append(LabelKind.SKIP, null, null, null);
        queue.add(currentItem);
        advance();
    }

    /** F: the image is broken; it counts as done and never comes back. */
    public void flag() {
        requireCurrent();
        append(LabelKind.FLAG, null, null, null);
        if (!currentItem.retest()) {
            done++;
        }
        answeredThisSession.push(Map.entry(currentItem, false));
        advance();
    }

    /**
     * Backspace: clears a partial answer on the current code, or else goes back to the previously answered code
     * and retracts its answer (a new RETRACT version; the history is kept). Returns false when there is nothing
     * to undo.
     */
    public boolean undo() {
        if (current != null && chainHead != null && (scanned != null || aesthetic != null)) {
            append(LabelKind.RETRACT, null, null, null);
            scanned = null;
            reason = null;
            aesthetic = null;
            scanMillis = null;
            return true;
        }
        if (answeredThisSession.isEmpty()) {
            return false;
        }
        Map.Entry<LabelingQueue.Item, Boolean> last = answeredThisSession.peek();
        LabelingQueue.Item previous = last.getKey();
        Map<String, String> previousHeads = previous.retest() ? retestHeadByCode : headByCode;
        String retraction = appendFor(previous, previousHeads.get(previous.codeId()), LabelKind.RETRACT,
                null, null, null, null, null);
        answeredThisSession.pop();
        if (currentItem != null) {
            queue.add(0, currentItem);
        }
        if (!previous.retest()) {
            queue.remove(new LabelingQueue.Item(previous.codeId(), true));
            done--;
        }
        currentItem = previous;
        current = previous.codeId();
        chainHead = retraction;
        if (last.getValue()) {
            completedThisSession--;
        }
        show();
        return true;
    }

    private boolean write() {
        append(LabelKind.ANSWER, scanned, reason, aesthetic);
        if (scanned != null && aesthetic != null) {
            completedThisSession++;
            answeredThisSession.push(Map.entry(currentItem, true));
            if (!currentItem.retest()) {
                done++;
                scheduleRetest(current);
            }
            advance();
            return true;
        }
        return false;
    }

    private void append(LabelKind kind, Boolean s, FailureReason r, Integer a) {
        chainHead = appendFor(currentItem, chainHead, kind, s, r, a, shownAt,
                kind == LabelKind.ANSWER ? scanMillis : null);
    }

    /** Stores one version for an item durably, then records it as that item's chain head; returns its uuid. */
    private String appendFor(LabelingQueue.Item item, String parent, LabelKind kind, Boolean s, FailureReason r,
                             Integer a, Instant shown, Long millis) {
        String uuid = UUID.randomUUID().toString();
        labels.append(new Label(uuid, item.codeId(), labeler.id(), session.id(), kind, s, r, a, shown, millis,
                clock.instant(), flags(item), parent));
        (item.retest() ? retestHeadByCode : headByCode).put(item.codeId(), uuid);
        return uuid;
    }

    private String flags(LabelingQueue.Item item) {
        List<String> f = new ArrayList<>(2);
        if (labeler.simulated()) {
            f.add("simulated");
        }
        if (item.retest()) {
            f.add("retest");
        }
        return String.join(",", f);
    }

    /** The chain heads of the current item's kind: a re-test is a chain of its own, apart from the first answer. */
    private Map<String, String> heads() {
        return currentItem != null && currentItem.retest() ? retestHeadByCode : headByCode;
    }

    /** A drawn share of first answers comes back once, hidden, at least {@link LabelingQueue#RETEST_GAP} codes on. */
    private void scheduleRetest(String codeId) {
        LabelingQueue.Item item = new LabelingQueue.Item(codeId, true);
        if (policy.drawsRetest(seed, codeId) && !retestHeadByCode.containsKey(codeId) && !queue.contains(item)) {
            int at = LabelingQueue.retestPosition(queue.size(), retestPlacement);
            if (at >= 0) {
                queue.add(at, item);
            }
        }
    }

    private void advance() {
        currentItem = queue.isEmpty() ? null : queue.remove(0);
        current = currentItem == null ? null : currentItem.codeId();
        chainHead = current == null ? null : heads().get(current);
        show();
    }

    private void show() {
        shownAt = clock.instant();
        scanMillis = null;
        scanned = null;
        reason = null;
        aesthetic = null;
    }

    private void requireCurrent() {
        if (current == null) {
            throw new IllegalStateException("no code left to label");
        }
    }
}

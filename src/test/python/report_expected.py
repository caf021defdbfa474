"""Independent expected values for AlignmentReportTest and ReportCommandTest, from the labels as written in the
tests (not from our code): threshold advice, the ceiling ratio and labeler drift.

Run with Debian's Python: /usr/bin/python3 src/test/python/report_expected.py
"""
import numpy as np
from scipy.stats import spearmanr
from sklearn.metrics import cohen_kappa_score, precision_score, roc_curve


def advice(y, p):
    """Thresholds = distinct probabilities, highest first; ties in the maximum keep the highest threshold."""
    y = np.array(y); p = np.array(p)
    best_k = best_j = precise = None
    for t in sorted(set(p), reverse=True):
        pred = (p >= t).astype(int)
        k = cohen_kappa_score(y, pred)
        tpr = pred[y == 1].mean(); fpr = pred[y == 0].mean()
        j = tpr - fpr
        prec = precision_score(y, pred, zero_division=0)
        if not np.isnan(k) and (best_k is None or k > best_k[1]):
            best_k = (t, k)
        if best_j is None or j > best_j[1]:
            best_j = (t, j)
        if prec >= 0.95:
            precise = (t, prec, tpr)
    # Cross-check Youden's J with sklearn's ROC curve.
    fpr, tpr, thr = roc_curve(y, p)
    assert abs(max(tpr - fpr) - best_j[1]) < 1e-12
    return best_k, best_j, precise


def loo(labels, me):
    """A labeler's scans and scores against the other labelers of each code (majority without ties; mean score)."""
    mine, others, my_s, others_s = [], [], [], []
    for code, by in labels.items():
        if me not in by:
            continue
        rest = [v for k, v in by.items() if k != me]
        if not rest:
            continue
        scans = [s for s, _ in rest if s is not None]
        scores = [a for _, a in rest if a is not None]
        if by[me][1] is not None and scores:
            my_s.append(by[me][1]); others_s.append(np.mean(scores))
        if by[me][0] is not None and scans and 2 * sum(scans) != len(scans):
            mine.append(by[me][0]); others.append(int(2 * sum(scans) > len(scans)))
    return cohen_kappa_score(mine, others), spearmanr(my_s, others_s).correlation


def drift(scores):
    pos = np.arange(len(scores))
    return 100 * np.polyfit(pos, scores, 1)[0], spearmanr(pos, scores).correlation


print("== AlignmentReportTest (current labels from the class comment; (scanned, score))")
Y, N = 1, 0
labels = {
    "a1": {"alice": (Y, 5), "bob": (Y, 4), "sim": (N, 3)},
    "a2": {"alice": (N, 2), "bob": (N, 1), "sim": (N, 2)},
    "a3": {"alice": (Y, 4), "bob": (N, 3)},
    "a4": {"alice": (Y, 3), "bob": (Y, 3), "sim": (Y, 4)},
    "b1": {"alice": (N, 2), "bob": (Y, 2), "sim": (N, 1)},
    "b2": {"alice": (Y, 4), "bob": (Y, 5)},
    "b3": {"alice": (N, 1), "bob": (N, None), "sim": (N, 2)},  # bob: a scan answer without a score
    "b4": {"alice": (Y, 3), "sim": (Y, 4)},
}
zx = {"a1": 0.9, "a2": 0.2, "a3": 0.7, "a4": 0.4, "b1": 0.6, "b2": 0.8, "b3": 0.1, "b4": 0.5}
aes = {"a1": 4.5, "a2": 1.5, "a3": 3.0, "a4": 3.6, "b1": 2.0, "b2": 4.4, "b3": 1.2, "b4": 3.1}
truth = {c: int(2 * sum(s for s, _ in by.values()) > len(by)) for c, by in labels.items()
         if 2 * sum(s for s, _ in by.values()) != len(by)}  # every label here has a scan answer
codes = sorted(truth)
y = [truth[c] for c in codes]; p = [zx[c] for c in codes]
k, j, prec = advice(y, p)
print("max_kappa threshold %r kappa %r" % k)
print("youden_j threshold %r J %r" % j)
print("precision_95 threshold %r precision %r recall %r" % prec)
eval_kappa = cohen_kappa_score(y, [int(q >= 0.5) for q in p])
per = {who: loo(labels, who) for who in ("alice", "bob", "sim")}
for who, (lk, ls) in per.items():
    print("%s loo kappa %r loo spearman %r" % (who, lk, ls))
typical_k = np.mean([v[0] for v in per.values()])
typical_s = np.mean([v[1] for v in per.values()])
print("typical kappa %r, eval kappa %r, scan ceiling ratio %r" % (typical_k, eval_kappa, eval_kappa / typical_k))
mean_h = [np.mean([a for _, a in labels[c].values() if a is not None]) for c in sorted(labels)]
eval_rho = spearmanr([aes[c] for c in sorted(labels)], mean_h).correlation
print("typical spearman %r, eval spearman %r, aesthetic ceiling ratio %r" % (typical_s, eval_rho, eval_rho / typical_s))
# Session order = order of the current answers' submission (see the test's build()).
print("alice drift slope/100 %r spearman %r" % drift([5, 2, 4, 3, 2, 4, 1, 3]))
print("bob drift slope/100 %r spearman %r" % drift([4, 1, 3, 3, 2, 5]))

print("== ReportCommandTest (c0..c5; ann scans i%2==0 or i==1, ben i%2==0; score 1 + i%5; zx = i/5)")
ann = [int(i % 2 == 0 or i == 1) for i in range(6)]
ben = [int(i % 2 == 0) for i in range(6)]
score = [1 + i % 5 for i in range(6)]
prob = [i / 5 for i in range(6)]
keep = [i for i in range(6) if ann[i] + ben[i] != 1]
y = [int(ann[i] + ben[i] == 2) for i in keep]; p = [prob[i] for i in keep]
k, j, prec = advice(y, p)
print("max_kappa threshold %r kappa %r" % k)
print("youden_j threshold %r J %r" % j)
print("precision_95", prec)
lk = cohen_kappa_score(ann, ben)
eval_kappa = cohen_kappa_score(y, [int(q >= 0.5) for q in p])
print("loo kappa (both) %r, eval kappa %r, ceiling ratio %r" % (lk, eval_kappa, eval_kappa / lk))
print("ann drift slope/100 %r spearman %r" % drift(score))

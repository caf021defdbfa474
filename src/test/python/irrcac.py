"""Fleiss' generalised kappa and Gwet's AC1 from raw ratings with missing values, written line by line after the
R package irrCAC (Gwet), functions fleiss.kappa.raw and gwet.ac1.raw, unweighted:

  agree.mat[i,k] = r_ik, the number of raters who put unit i in category k
  ri.vec = r_i;  n2more = number of units with r_i >= 2
  pa = sum over units with r_i >= 2 of sum_k r_ik (r_ik - 1) / (r_i (r_i - 1)), divided by n2more
  pi.vec[k] = mean over units (every unit with at least one rating) of r_ik / r_i
  Fleiss: pe = sum_k pi_k^2;            kappa = (pa - pe) / (1 - pe)
  AC1:    pe = sum_k pi_k (1 - pi_k) / (q - 1);  ac1 = (pa - pe) / (1 - pe)

Units with no rating at all are dropped first, as irrCAC does. Used by CategoricalAgreementTest:
  /usr/bin/python3 src/test/python/irrcac.py
"""
import numpy as np


def agreement(ratings, categories):
    ratings = [row for row in ratings if any(v is not None for v in row)]
    q = len(categories)
    agree = np.array([[sum(1 for v in row if v == c) for c in categories] for row in ratings], dtype=float)
    ri = agree.sum(axis=1)
    more = ri >= 2
    pa = np.sum((agree * (agree - 1)).sum(axis=1)[more] / (ri * (ri - 1))[more]) / more.sum()
    pi = (agree / ri[:, None]).mean(axis=0)
    pe_f = np.sum(pi * pi)
    pe_g = np.sum(pi * (1 - pi)) / (q - 1)
    return pa, (pa - pe_f) / (1 - pe_f), (pa - pe_g) / (1 - pe_g)


def from_counts(counts):
    """Ratings rows rebuilt from per-category counts (raters' order does not matter to these statistics)."""
    return [[k for k, c in enumerate(row) for _ in range(c)] for row in counts]


if __name__ == "__main__":
    # Mixed 1/2/3 ratings per unit, binary (0 = does not scan, 1 = scans); None = that rater did not rate.
    mixed = [
        [1, 1, 1], [1, 0, None], [0, None, None], [1, 1, 0], [0, 0, None], [1, None, None],
        [0, 0, 0], [1, 1, None], [0, 1, 1], [None, 1, None], [1, 0, 0], [0, 0, None],
    ]
    print("mixed binary      pa %r fleiss %r ac1 %r" % agreement(mixed, [0, 1]))
    # Three categories with mixed raters.
    three = [[0, 0, 1], [2, None, None], [1, 1, None], [0, 2, 2], [1, None, None], [2, 2, 2], [0, 1, None]]
    print("mixed 3 categories pa %r fleiss %r ac1 %r" % agreement(three, [0, 1, 2]))
    counts = [[0, 3], [0, 2], [1, 2], [0, 4], [1, 1], [0, 3], [2, 1], [0, 2], [1, 0]]
    print("counts example    pa %r fleiss %r ac1 %r" % agreement(from_counts(counts), [0, 1]))
    wiki = [[0, 0, 0, 0, 14], [0, 2, 6, 4, 2], [0, 0, 3, 5, 6], [0, 3, 9, 2, 0], [2, 2, 8, 1, 1],
            [7, 7, 0, 0, 0], [3, 2, 6, 3, 0], [2, 5, 3, 2, 2], [6, 5, 2, 1, 0], [0, 2, 2, 3, 7]]
    print("wikipedia (equal) pa %r fleiss %r ac1 %r" % agreement(from_counts(wiki), [0, 1, 2, 3, 4]))

"""Builds models/qr-art-features: a TorchScript module turning RGB images into 20 QR-art image features.

Run with Debian's python3-torch (1.13), whose TorchScript DJL 0.36 loads:
    /usr/bin/python3 models/tools/make_qr_art_features.py
It writes the .pt file and its model.json card, plus deterministic synthetic reference images and the
features this script computed for them, which a Java test compares with what DJL computes.
"""
import json
import math
import os
import sys

import numpy as np
import torch
import torch.nn.functional as F
from PIL import Image

SIZE = 256
VERSION = "1.0.0"

FEATURES = [
    ("mean_r", "mean red, 0-1"),
    ("mean_g", "mean green, 0-1"),
    ("mean_b", "mean blue, 0-1"),
    ("std_r", "standard deviation of red over the image"),
    ("std_g", "standard deviation of green over the image"),
    ("std_b", "standard deviation of blue over the image"),
    ("saturation", "mean HSV saturation (max-min)/max"),
    ("colourfulness", "Hasler-Suesstrunk colourfulness on the 0-1 scale: "
                      "sqrt(var(rg)+var(yb)) + 0.3 sqrt(mean(rg)^2+mean(yb)^2), rg=R-G, yb=(R+G)/2-B"),
    ("luminance", "mean Rec.601 luma Y = 0.299R + 0.587G + 0.114B"),
    ("contrast_rms", "RMS contrast: standard deviation of luma over the whole image"),
    ("contrast_fine", "RMS of the luma band between 1 px and 2x2 px box averages (pixel-scale contrast)"),
    ("contrast_medium", "RMS of the luma band between 4x4 and 8x8 px box averages (module-scale contrast)"),
    ("contrast_coarse", "RMS of the luma band between 16x16 and 32x32 px box averages (layout-scale contrast)"),
    ("edge_energy", "mean Sobel gradient magnitude of luma"),
    ("texture_energy", "mean absolute 3x3 Laplacian of luma (fine texture and noise)"),
    ("grid_periodicity", "share of the power of the column/row profiles of |dY/dx|, |dY/dy| in the strongest "
                         "frequency between 8 and 85 cycles per image (a module grid gives one sharp peak)"),
    ("edge_alignment", "coefficient of variation of those profiles: high when edges line up on straight "
                       "rows and columns, as a QR module grid does"),
    ("local_bimodality", "over 8x8 patches, sum of mean absolute deviation / sum of standard deviation of luma: "
                         "1 for two-level (module-like) patches, 0.80 for Gaussian texture, lower for sparse detail"),
    ("binarity", "fraction of pixels with luma below 0.25 or above 0.75"),
    ("dark_fraction", "fraction of pixels with luma below 0.5"),
]


class QrArtFeatures(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.register_buffer("sobel_x", torch.tensor([[-1.0, 0.0, 1.0], [-2.0, 0.0, 2.0], [-1.0, 0.0, 1.0]])
                             .view(1, 1, 3, 3) / 8.0)
        self.register_buffer("sobel_y", torch.tensor([[-1.0, -2.0, -1.0], [0.0, 0.0, 0.0], [1.0, 2.0, 1.0]])
                             .view(1, 1, 3, 3) / 8.0)
        self.register_buffer("laplace", torch.tensor([[0.0, 1.0, 0.0], [1.0, -4.0, 1.0], [0.0, 1.0, 0.0]])
                             .view(1, 1, 3, 3))

    def band(self, y: torch.Tensor, k: int) -> torch.Tensor:
        fine = F.avg_pool2d(y, k) if k > 1 else y
        coarse = F.avg_pool2d(y, 2 * k)
        up = F.interpolate(coarse, scale_factor=2.0, mode="nearest")
        d = fine - up
        return torch.sqrt(torch.mean(d * d, dim=[1, 2, 3]))

    def profile_stats(self, p: torch.Tensor):
        # p: [N, L] edge profile along one axis
        mean = p.mean(dim=1)
        cv = p.std(dim=1, unbiased=False) / (mean + 1e-6)
        centred = p - mean.unsqueeze(1)
        power = torch.fft.rfft(centred, dim=1).abs() ** 2
        total = power[:, 1:].sum(dim=1) + 1e-12
        hi = min(power.shape[1], 86)
        peak = power[:, 8:hi].max(dim=1).values
        return peak / total, cv

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        r = x[:, 0]
        g = x[:, 1]
        b = x[:, 2]
        means = x.mean(dim=[2, 3])
        stds = x.std(dim=[2, 3], unbiased=False)
        mx = x.max(dim=1).values
        mn = x.min(dim=1).values
        sat = ((mx - mn) / (mx + 1e-6)).mean(dim=[1, 2])
        rg = r - g
        yb = 0.5 * (r + g) - b
        colourful = torch.sqrt(rg.var(dim=[1, 2], unbiased=False) + yb.var(dim=[1, 2], unbiased=False)) \
            + 0.3 * torch.sqrt(rg.mean(dim=[1, 2]) ** 2 + yb.mean(dim=[1, 2]) ** 2)
        y = (0.299 * r + 0.587 * g + 0.114 * b).unsqueeze(1)
        lum = y.mean(dim=[1, 2, 3])
        rms = y.std(dim=[1, 2, 3], unbiased=False)
        fine = self.band(y, 1)
        medium = self.band(y, 4)
        coarse = self.band(y, 16)
        padded = F.pad(y, [1, 1, 1, 1], mode="replicate")
        gx = F.conv2d(padded, self.sobel_x)
        gy = F.conv2d(padded, self.sobel_y)
        edge = torch.sqrt(gx * gx + gy * gy + 1e-12).mean(dim=[1, 2, 3])
        texture = F.conv2d(padded, self.laplace).abs().mean(dim=[1, 2, 3])
        dx = (y[:, 0, :, 1:] - y[:, 0, :, :-1]).abs().mean(dim=1)
        dy = (y[:, 0, 1:, :] - y[:, 0, :-1, :]).abs().mean(dim=2)
        px, cvx = self.profile_stats(dx)
        py, cvy = self.profile_stats(dy)
        periodicity = 0.5 * (px + py)
        alignment = 0.5 * (cvx + cvy)
        pm = F.avg_pool2d(y, 8)
        dev = y - F.interpolate(pm, scale_factor=8.0, mode="nearest")
        mad = F.avg_pool2d(dev.abs(), 8)
        sd = torch.sqrt(F.avg_pool2d(dev * dev, 8))
        bimodality = mad.sum(dim=[1, 2, 3]) / (sd.sum(dim=[1, 2, 3]) + 1e-6)
        binarity = ((y < 0.25) | (y > 0.75)).float().mean(dim=[1, 2, 3])
        dark = (y < 0.5).float().mean(dim=[1, 2, 3])
        return torch.cat([means, stds, torch.stack([sat, colourful, lum, rms, fine, medium, coarse, edge, texture,
                                                    periodicity, alignment, bimodality, binarity, dark], dim=1)],
                         dim=1)


def qr_like(gen: torch.Generator, modules: int, quiet: int) -> torch.Tensor:
    """A random module grid with finder-like corners, scaled to SIZE with nearest neighbour: values 0/1."""
    grid = (torch.rand(modules, modules, generator=gen) > 0.5).float()
    for (r0, c0) in [(0, 0), (0, modules - 7), (modules - 7, 0)]:
        grid[r0:r0 + 7, c0:c0 + 7] = 1.0
        grid[r0 + 1:r0 + 6, c0 + 1:c0 + 6] = 0.0
        grid[r0 + 2:r0 + 5, c0 + 2:c0 + 5] = 1.0
    full = torch.zeros(modules + 2 * quiet, modules + 2 * quiet)
    full[quiet:quiet + modules, quiet:quiet + modules] = grid
    light = 1.0 - full
    idx = (torch.arange(SIZE) * (modules + 2 * quiet)) // SIZE
    return light[idx][:, idx]


def reference_images():
    gen = torch.Generator().manual_seed(20261126)
    yy, xx = torch.meshgrid(torch.linspace(0, 1, SIZE), torch.linspace(0, 1, SIZE), indexing="ij")
    images = {}
    images["flat-grey"] = torch.full((3, SIZE, SIZE), 0.5)
    images["colour-gradient"] = torch.stack([xx, yy, 1 - 0.5 * (xx + yy)])
    qr = qr_like(gen, 29, 4)
    images["plain-qr"] = qr.expand(3, SIZE, SIZE).clone()
    art = torch.stack([0.5 + 0.4 * torch.sin(6 * xx + 2 * yy), 0.5 + 0.4 * torch.cos(5 * yy),
                       0.5 + 0.4 * torch.sin(3 * (xx - yy))])
    images["art-qr-blend"] = 0.55 * art + 0.45 * qr_like(gen, 33, 4).expand(3, SIZE, SIZE)
    images["pixel-noise"] = 0.2 + 0.6 * (torch.rand(3, SIZE, SIZE, generator=gen) > 0.5).float()
    checker = (((torch.arange(SIZE) // 16).view(-1, 1) + (torch.arange(SIZE) // 16).view(1, -1)) % 2).float()
    images["checkerboard-16px"] = torch.stack([checker, 0.2 + 0.6 * checker, 1 - checker])
    return images


class TinyBrightnessScore(torch.nn.Module):
    """A test fixture: score = 1 + 9 * mean pixel value, through a layer that only accepts 3x64x64 input."""

    def __init__(self):
        super().__init__()
        self.head = torch.nn.Linear(3 * 64 * 64, 1)
        with torch.no_grad():
            self.head.weight.fill_(9.0 / (3 * 64 * 64))
            self.head.bias.fill_(1.0)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(x.flatten(1))


def write_test_score_model(repo):
    out = os.path.join(repo, "src", "test", "resources", "tiny-score-model")
    os.makedirs(out, exist_ok=True)
    torch.jit.script(TinyBrightnessScore().eval()).save(os.path.join(out, "tiny-score.pt"))
    card = {"name": "tiny-score", "version": "1", "file": "tiny-score.pt",
            "input": {"width": 64, "height": 64, "resize": "stretch", "interpolation": "bilinear",
                      "channels": "RGB", "mean": [0.0, 0.0, 0.0], "std": [1.0, 1.0, 1.0]},
            "output": {"kind": "score", "range": [1, 10]},
            "provenance": "test fixture made by models/tools/make_qr_art_features.py", "licence": "as QArt Align",
            "good_for": "tests: score = 1 + 9 * mean pixel value", "not_good_for": "anything else"}
    with open(os.path.join(out, "model.json"), "w") as f:
        json.dump(card, f, indent=2)
        f.write("\n")


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    repo = os.path.dirname(root)
    out = os.path.join(root, "qr-art-features")
    ref_dir = os.path.join(repo, "src", "test", "resources", "qr-art-features-reference")
    os.makedirs(out, exist_ok=True)
    os.makedirs(ref_dir, exist_ok=True)
    torch.manual_seed(0)
    module = torch.jit.script(QrArtFeatures().eval())
    pt_path = os.path.join(out, "qr-art-features.pt")
    module.save(pt_path)

    loaded = torch.jit.load(pt_path)
    reference = []
    for name, img in reference_images().items():
        u8 = (img.clamp(0, 1) * 255).round().to(torch.uint8)
        Image.fromarray(u8.permute(1, 2, 0).numpy(), "RGB").save(os.path.join(ref_dir, name + ".png"))
        x = u8.float().div(255.0).unsqueeze(0)
        with torch.no_grad():
            feats = loaded(x)[0].tolist()
        reference.append({"image": name + ".png", "features": feats})
        print(name, " ".join("%s=%.5f" % (FEATURES[i][0], v) for i, v in enumerate(feats)))
    with torch.no_grad():
        batch = torch.stack([torch.tensor(np.array(Image.open(os.path.join(ref_dir, r["image"]))))
                            .permute(2, 0, 1).float().div(255.0) for r in reference])
        batched = loaded(batch)
    for i, r in enumerate(reference):
        assert torch.allclose(batched[i], torch.tensor(r["features"]), atol=1e-5), "batch differs from single"
    with open(os.path.join(ref_dir, "reference.json"), "w") as f:
        json.dump({"model": "qr-art-features", "version": VERSION, "torch": torch.__version__,
                   "input": "PNG bytes / 255 as float RGB, NCHW, no resize (images are %dx%d)" % (SIZE, SIZE),
                   "images": reference}, f, indent=1)

    card = {
        "name": "qr-art-features",
        "version": VERSION,
        "file": "qr-art-features.pt",
        "input": {"width": SIZE, "height": SIZE, "resize": "stretch", "interpolation": "bilinear",
                  "channels": "RGB", "mean": [0.0, 0.0, 0.0], "std": [1.0, 1.0, 1.0],
                  "scale": "pixel values divided by 255"},
        "output": {"kind": "embedding", "size": len(FEATURES), "names": [n for n, _ in FEATURES],
                   "definitions": {n: d for n, d in FEATURES}},
        "provenance": "Hand-written image statistics (no learned weights), made by models/tools/"
                      "make_qr_art_features.py with torch %s; rerun the script to rebuild." % torch.__version__,
        "licence": "Same licence as QArt Align.",
        "what_it_is": "A fixed, deterministic feature extractor: colour statistics, contrast at three scales, "
                      "edge and texture energy, and three measures of how strongly a QR module grid shows "
                      "through (grid periodicity, edge alignment, local bimodality).",
        "good_for": "Input to the learned-aesthetic head trained on this database's own human labels; "
                    "explaining which visible properties go with human scores.",
        "not_good_for": "It is not an aesthetic score and knows nothing about content, composition or prompt "
                        "fidelity; it does not decode or judge scannability; values depend on the 256x256 "
                        "stretch, so crops or borders change them.",
    }
    with open(os.path.join(out, "model.json"), "w") as f:
        json.dump(card, f, indent=2)
        f.write("\n")
    write_test_score_model(repo)
    print("wrote", pt_path, os.path.getsize(pt_path), "bytes", file=sys.stderr)


if __name__ == "__main__":
    main()

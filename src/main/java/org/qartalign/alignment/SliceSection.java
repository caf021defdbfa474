package org.qartalign.alignment;

import org.qartalign.alignment.AlignmentInput.HumanLabel;
import org.qartalign.alignment.SliceStatistic.Observations;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** The report's slices: by each numeric parameter, a two-parameter grid, URL length, labeler and phone. */
final class SliceSection {
    private final Map<String, List<SliceStatistic>> params = new LinkedHashMap<>();
    private final ParameterBins.Grid grid;
    private final List<List<SliceStatistic>> cells = new ArrayList<>();
    private final List<SliceStatistic> url = new ArrayList<>();
    private final List<SliceStatistic> byLabeler = new ArrayList<>();
    private final List<SliceStatistic> byPhone = new ArrayList<>();

    SliceSection(LabeledCodes codes, ParameterBins bins, Bootstrap boot) {
        for (String p : bins.selected()) {
            List<SliceStatistic> list = new ArrayList<>();
            for (Bin b : bins.bins(p)) {
                list.add(new SliceStatistic(codes, b, Observations.ofCodes(codes, bins.codesIn(p, b)), boot));
            }
            params.put(p, list);
        }
        String[] axes = bins.defaultAxes(!codes.options.sliceParams().isEmpty());
        grid = axes == null ? null : bins.grid(axes[0], axes[1]);
        if (grid != null) {
            for (int i = 0; i < grid.xBins().size(); i++) {
                List<SliceStatistic> row = new ArrayList<>();
                for (int j = 0; j < grid.yBins().size(); j++) {
                    Bin cell = Bin.named(grid.xBins().get(i).label() + " x " + grid.yBins().get(j).label());
                    row.add(new SliceStatistic(codes, cell, Observations.ofCodes(codes, grid.cells()[i][j]), boot));
                }
                cells.add(row);
            }
        }
        double[] urlLength = new double[codes.n];
        for (int i = 0; i < codes.n; i++) {
            urlLength[i] = codes.row(i).url() == null ? Double.NaN : codes.row(i).url().length();
        }
        for (Bin b : Bin.of(urlLength)) {
            url.add(new SliceStatistic(codes, b, Observations.ofCodes(codes, bins.codesWhere(i -> b.contains(urlLength[i]))), boot));
        }
        for (int l = 0; l < codes.input.labelers().size(); l++) {
            int li = l;
            Observations obs = Observations.ofLabels(codes, h -> h.labeler() == li);
            if (obs.unit().length > 0) {
                byLabeler.add(new SliceStatistic(codes, Bin.named(codes.input.labelers().get(l).name()), obs, boot));
            }
        }
        TreeSet<String> phones = new TreeSet<>();
        for (AlignmentInput.CodeRow c : codes.rows) {
            for (HumanLabel h : c.labels()) {
                phones.add(phone(h));
            }
        }
        for (String phone : phones) {
            byPhone.add(new SliceStatistic(codes, Bin.named(phone), Observations.ofLabels(codes, h -> phone.equals(phone(h))), boot));
        }
    }

    private static String phone(HumanLabel h) {
        return h.phoneModel() == null ? "unknown" : h.phoneModel();
    }

    AlignmentReport.Slices fill(Bootstrap.Result r) {
        Map<String, List<AlignmentReport.Slice>> p = new LinkedHashMap<>();
        params.forEach((k, v) -> p.put(k, SliceStatistic.fill(v, r)));
        AlignmentReport.Grid g = grid == null ? null : new AlignmentReport.Grid(grid.x(), grid.y(), grid.xLabels(),
                grid.yLabels(), cells.stream().map(row -> SliceStatistic.fill(row, r)).toList());
        return new AlignmentReport.Slices(p, g, SliceStatistic.fill(url, r), SliceStatistic.fill(byLabeler, r),
                SliceStatistic.fill(byPhone, r));
    }
}

package org.qartalign.eval;

import ai.djl.Device;
import ai.djl.engine.Engine;

/** The device every model runs on: the first GPU when DJL's PyTorch engine finds one, else the CPU. */
public final class TorchDevice {
    private static volatile Device chosen;

    private TorchDevice() {
    }

    /**
     * Engine settings, unless the user set them: offline (libtorch comes from the pytorch-native jar, never the
     * network) and one intra-op and inter-op thread per predictor, because parallelism comes from one predictor per
     * worker thread, and two OpenMP threads on a busy 2-core machine measured 10x slower than one; and no
     * TorchScript graph optimizer, which re-profiles for every new batch shape (runs here have ragged last batches).
     * Call before the PyTorch engine loads; later calls change nothing.
     */
    public static void configure() {
        setIfAbsent("ai.djl.offline", "true");
        setIfAbsent("ai.djl.pytorch.num_threads", "1");
        setIfAbsent("ai.djl.pytorch.num_interop_threads", "1");
        setIfAbsent("ai.djl.pytorch.graph_optimizer", "false");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    /** The device, chosen and printed once per process. */
    public static Device get() {
        Device d = chosen;
        if (d == null) {
            synchronized (TorchDevice.class) {
                if (chosen == null) {
                    configure();
                    Engine engine = Engine.getEngine("PyTorch");
                    chosen = engine.getGpuCount() > 0 ? Device.gpu() : Device.cpu();
                    System.err.println("aesthetic models run on " + (chosen.isGpu() ? "GPU " + chosen : "CPU")
                            + " (PyTorch " + engine.getVersion() + " through DJL " + Engine.getDjlVersion() + ")");
                }
                d = chosen;
            }
        }
        return d;
    }
}

package org.qartalign.eval;

import ai.djl.Device;
import ai.djl.engine.Engine;

/** The device every model runs on: the first GPU when DJL's PyTorch engine finds one, else the CPU. */
public final class TorchDevice {
    private static volatile Device chosen;

    private TorchDevice() {
    }

    /** Keeps DJL from reaching the network for native libraries or models; call before any DJL class loads. */
    public static void requireOffline() {
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
    }

    /** The device, chosen and printed once per process. */
    public static Device get() {
        Device d = chosen;
        if (d == null) {
            synchronized (TorchDevice.class) {
                if (chosen == null) {
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

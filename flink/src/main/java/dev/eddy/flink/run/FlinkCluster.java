package dev.eddy.flink.run;

import java.net.URI;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.configuration.WebOptions;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;

/**
 * An in-process Flink cluster (MiniCluster) with its REST endpoint on a free loopback port, so
 * that a local run goes through the same REST path as a run on a real cluster.
 */
public final class FlinkCluster implements AutoCloseable {
    private final MiniCluster cluster;
    private final URI rest;

    private FlinkCluster(MiniCluster cluster, URI rest) {
        this.cluster = cluster;
        this.rest = rest;
    }

    /** Starts a cluster with one task manager of {@code slots} slots. */
    public static FlinkCluster start(int slots) throws Exception {
        Configuration conf = new Configuration();
        conf.set(RestOptions.BIND_ADDRESS, "127.0.0.1");
        conf.set(RestOptions.ADDRESS, "127.0.0.1");
        conf.set(RestOptions.BIND_PORT, "0");
        conf.set(TaskManagerOptions.NUM_TASK_SLOTS, slots);
        // REST serves a job's state from a cache; refresh it often so a finished job reads as finished.
        conf.set(WebOptions.REFRESH_INTERVAL, java.time.Duration.ofMillis(100));
        MiniCluster cluster = new MiniCluster(new MiniClusterConfiguration.Builder().setConfiguration(conf)
                .setNumTaskManagers(1).setNumSlotsPerTaskManager(slots).build());
        cluster.start();
        return new FlinkCluster(cluster, cluster.getRestAddress().get());
    }

    public String host() { return rest.getHost(); }

    public int port() { return rest.getPort(); }

    public String address() { return host() + ":" + port(); }

    @Override
    public void close() throws Exception { cluster.close(); }
}

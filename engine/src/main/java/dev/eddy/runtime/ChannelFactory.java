package dev.eddy.runtime;

/** Supplied by a driver: the writer for input channel {@code channel} of task {@code consumer}. */
@FunctionalInterface
public interface ChannelFactory {
    ChannelWriter writer(Task consumer, int channel);
}

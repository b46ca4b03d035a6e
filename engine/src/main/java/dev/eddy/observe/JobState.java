package dev.eddy.observe;

/** The lifecycle of a run, as Flink's JobStatus names it where they overlap. */
public enum JobState { CREATED, RUNNING, PAUSED, RESTARTING, FINISHED, FAILED, CANCELED }

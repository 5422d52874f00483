package io.tickkeeper.runtime;

/** The life of an {@link EnginePipeline}: LATENT, then RUNNING, possibly FAILED, and finally CLOSED. */
public enum PipelineState
{
    /** Built, not started: no thread runs and nothing can be published. */
    LATENT,
    /** Recovered and consuming: inputs can be published. */
    RUNNING,
    /** A stage threw: the pipeline stopped consuming and refuses inputs; only closing is left. */
    FAILED,
    /** Stopped for good; threads ended and the journal is closed. */
    CLOSED;

    boolean canMoveTo(final PipelineState next)
    {
        switch (this)
        {
            case LATENT:
                return next == RUNNING || next == CLOSED;
            case RUNNING:
                return next == FAILED || next == CLOSED;
            case FAILED:
                return next == CLOSED;
            default:
                return false;
        }
    }
}

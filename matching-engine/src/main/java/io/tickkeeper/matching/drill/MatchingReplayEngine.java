package io.tickkeeper.matching.drill;

import io.tickkeeper.matching.InstrumentSpec;
import io.tickkeeper.matching.MatchingEngine;
import io.tickkeeper.matching.service.MatchingCommandAdapter;
import io.tickkeeper.matching.service.MatchingEventEncoder;
import io.tickkeeper.matching.service.MatchingPipeline;
import io.tickkeeper.runtime.InputHandler;
import io.tickkeeper.runtime.session.DeduplicatingHandler;
import io.tickkeeper.runtime.session.SessionTable;

/**
 * A fresh replicated state for replaying a journal, wired as {@link MatchingPipeline} wires it: the session table's
 * deduplication around the command adapter around the engine; its hash is the pipeline's combined state hash.
 */
final class MatchingReplayEngine implements JournalAudit.ReplayEngine
{
    private final MatchingEngine engine;
    private final SessionTable sessions;
    private final InputHandler handler;

    MatchingReplayEngine(final InstrumentSpec[] instruments)
    {
        final MatchingEventEncoder events = new MatchingEventEncoder();
        engine = new MatchingEngine(instruments, events);
        sessions = new SessionTable();
        handler = new DeduplicatingHandler(new MatchingCommandAdapter(engine, events), sessions);
    }

    @Override
    public InputHandler handler()
    {
        return handler;
    }

    @Override
    public long stateHash()
    {
        return MatchingPipeline.combine(engine.stateHash(), sessions.stateHash());
    }
}

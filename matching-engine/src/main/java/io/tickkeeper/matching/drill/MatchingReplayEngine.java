package io.tickkeeper.matching.drill;

import io.tickkeeper.matching.InstrumentSpec;
import io.tickkeeper.matching.MatchingEngine;
import io.tickkeeper.matching.service.MatchingCommandAdapter;
import io.tickkeeper.matching.service.MatchingEventEncoder;
import io.tickkeeper.runtime.InputHandler;

/**
 * A fresh matching engine behind the same command adapter the service runs, for replaying a journal.
 */
final class MatchingReplayEngine implements JournalAudit.ReplayEngine
{
    private final MatchingEngine engine;
    private final InputHandler handler;

    MatchingReplayEngine(final InstrumentSpec[] instruments)
    {
        final MatchingEventEncoder events = new MatchingEventEncoder();
        engine = new MatchingEngine(instruments, events);
        handler = new MatchingCommandAdapter(engine, events);
    }

    @Override
    public InputHandler handler()
    {
        return handler;
    }

    @Override
    public long stateHash()
    {
        return engine.stateHash();
    }
}

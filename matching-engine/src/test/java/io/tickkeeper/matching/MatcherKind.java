package io.tickkeeper.matching;

/**
 * The implementations of {@link OrderMatcher} that the scenario tests hold to docs/matching.md.
 */
enum MatcherKind
{
    /** The naive reference book of the tests. */
    REFERENCE
    {
        @Override
        OrderMatcher create(final InstrumentSpec[] instruments, final MatchingEventListener listener)
        {
            return new ReferenceMatcher(instruments, listener);
        }
    },
    /** The fast engine of this module. */
    ENGINE
    {
        @Override
        OrderMatcher create(final InstrumentSpec[] instruments, final MatchingEventListener listener)
        {
            return new MatchingEngine(instruments, listener);
        }
    };

    /** @return a new, empty matcher of this kind over the instruments. */
    abstract OrderMatcher create(InstrumentSpec[] instruments, MatchingEventListener listener);
}

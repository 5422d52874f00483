package io.tickkeeper.tradelog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TradeLogTest
{
    @TempDir
    Path directory;

    @Test
    void shouldAppendFillsAndReadThemBackFieldByField()
    {
        try (TradeLog log = TradeLog.open(directory))
        {
            assertThat(log.append(Trades.fill(1L, 1L, 1))).isEqualTo(TradeLogResult.APPENDED);
            assertThat(log.append(Trades.fill(1L, 2L, 1))).isEqualTo(TradeLogResult.APPENDED);
            assertThat(log.records()).isEqualTo(2L);
            assertThat(log.newestToken()).isEqualTo(1L);
            assertThat(log.highestTradeId(1)).isEqualTo(2L);
        }

        assertThat(Trades.readAll(directory))
            .containsExactly(Trades.fill(1L, 1L, 1).toString(), Trades.fill(1L, 2L, 1).toString());
    }

    @Test
    void shouldSkipAFillWhoseTradeIdTheLogAlreadyHoldsForThatInstrument()
    {
        try (TradeLog log = TradeLog.open(directory))
        {
            assertThat(log.append(Trades.fill(1L, 5L, 1))).isEqualTo(TradeLogResult.APPENDED);
            assertThat(log.append(Trades.fill(1L, 5L, 1))).isEqualTo(TradeLogResult.DUPLICATE);
            assertThat(log.append(Trades.fill(1L, 4L, 1))).isEqualTo(TradeLogResult.DUPLICATE);
            assertThat(log.append(Trades.fill(1L, 5L, 2))).isEqualTo(TradeLogResult.APPENDED);
            assertThat(log.duplicates()).isEqualTo(2L);
            assertThat(log.appended()).isEqualTo(2L);
        }

        assertThat(Trades.readAll(directory))
            .containsExactly(Trades.fill(1L, 5L, 1).toString(), Trades.fill(1L, 5L, 2).toString());
    }

    @Test
    void shouldRefuseAnOlderTokenThanOneAnotherAppenderWroteAndKeepTheLogIntact()
    {
        try (TradeLog zombie = TradeLog.open(directory); TradeLog successor = TradeLog.open(directory))
        {
            assertThat(zombie.append(Trades.fill(1L, 1L, 1))).isEqualTo(TradeLogResult.APPENDED);
            assertThat(successor.append(Trades.fill(2L, 2L, 1))).isEqualTo(TradeLogResult.APPENDED);

            assertThat(zombie.append(Trades.fill(1L, 3L, 1))).isEqualTo(TradeLogResult.STALE_TOKEN);
            assertThat(zombie.refused()).isEqualTo(1L);
            assertThat(zombie.newestToken()).isEqualTo(2L);
            assertThat(successor.append(Trades.fill(2L, 3L, 1))).isEqualTo(TradeLogResult.APPENDED);
        }

        assertThat(Trades.readAll(directory)).containsExactly(
            Trades.fill(1L, 1L, 1).toString(), Trades.fill(2L, 2L, 1).toString(), Trades.fill(2L, 3L, 1).toString());
        assertThat(Trades.verify(directory).passed()).isTrue();
    }

    @Test
    void shouldLearnTheNewestTokenAndTradeIdsFromTheLogWhenReopened()
    {
        try (TradeLog log = TradeLog.open(directory))
        {
            log.append(Trades.fill(3L, 7L, 1));
            log.append(Trades.fill(3L, 2L, 4));
        }

        try (TradeLog reopened = TradeLog.open(directory))
        {
            assertThat(reopened.records()).isEqualTo(2L);
            assertThat(reopened.newestToken()).isEqualTo(3L);
            assertThat(reopened.highestTradeId(1)).isEqualTo(7L);
            assertThat(reopened.highestTradeId(4)).isEqualTo(2L);
            assertThat(reopened.append(Trades.fill(2L, 8L, 1))).isEqualTo(TradeLogResult.STALE_TOKEN);
            assertThat(reopened.append(Trades.fill(3L, 7L, 1))).isEqualTo(TradeLogResult.DUPLICATE);
            assertThat(reopened.append(Trades.fill(3L, 8L, 1))).isEqualTo(TradeLogResult.APPENDED);
        }
    }
}

package io.tickkeeper.gateway;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tickkeeper.protocol.sbe.CommandRefusedDecoder;
import io.tickkeeper.protocol.sbe.RiskAccountSessionAckDecoder;
import io.tickkeeper.protocol.sbe.RiskCancelRejectDecoder;
import io.tickkeeper.protocol.sbe.RiskExecutionReportDecoder;
import io.tickkeeper.protocol.sbe.RiskTradeDecoder;
import org.junit.jupiter.api.Test;

/** Which risk events answer the gateway's commands (an unanswered command is resent to every new primary). */
final class ServiceRiskChannelTest
{
    @Test
    void shouldTreatTheAccountSessionAckAndTheOtherAnswersAsAnswers()
    {
        assertTrue(ServiceRiskChannel.isAnswer(RiskAccountSessionAckDecoder.TEMPLATE_ID));
        assertTrue(ServiceRiskChannel.isAnswer(RiskExecutionReportDecoder.TEMPLATE_ID));
        assertTrue(ServiceRiskChannel.isAnswer(RiskCancelRejectDecoder.TEMPLATE_ID));
        assertTrue(ServiceRiskChannel.isAnswer(CommandRefusedDecoder.TEMPLATE_ID));
        assertFalse(ServiceRiskChannel.isAnswer(RiskTradeDecoder.TEMPLATE_ID), "a public trade answers nothing");
    }
}

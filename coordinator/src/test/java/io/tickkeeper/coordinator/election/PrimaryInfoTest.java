package io.tickkeeper.coordinator.election;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class PrimaryInfoTest
{
    @Test
    void shouldRoundTripThroughJson()
    {
        final PrimaryInfo info = new PrimaryInfo("me-1", "127.0.0.1:9001", 7);

        assertThat(PrimaryInfo.fromJson(info.toJson())).isEqualTo(info);
        assertThat(new String(info.toJson(), StandardCharsets.UTF_8))
            .isEqualTo("{\"node\":\"me-1\",\"endpoint\":\"127.0.0.1:9001\",\"epoch\":7}");
    }

    @Test
    void shouldIgnoreFieldsItDoesNotKnow()
    {
        final byte[] json = "{\"node\":\"a\",\"endpoint\":\"h:1\",\"epoch\":3,\"since\":12}"
            .getBytes(StandardCharsets.UTF_8);

        assertThat(PrimaryInfo.fromJson(json)).isEqualTo(new PrimaryInfo("a", "h:1", 3));
    }

    @Test
    void shouldRefuseARecordWithoutAPositiveEpoch()
    {
        final byte[] json = "{\"node\":\"a\",\"endpoint\":\"h:1\",\"epoch\":0}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> PrimaryInfo.fromJson(json))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageStartingWith("not a primary record");
    }

    @Test
    void shouldRefuseBytesThatAreNotJson()
    {
        assertThatThrownBy(() -> PrimaryInfo.fromJson("primary".getBytes(StandardCharsets.UTF_8)))
            .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldRefuseANodeNameThatIsNotOnePathSegment()
    {
        assertThatThrownBy(() -> new PrimaryInfo("a/b", "h:1", 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldEncodeAndDecodeEpochsAsDecimalText()
    {
        assertThat(new String(Epochs.encode(42), StandardCharsets.US_ASCII)).isEqualTo("42");
        assertThat(Epochs.decode(Epochs.encode(42))).isEqualTo(42);
        assertThat(Epochs.decode(new byte[0])).isZero();
        assertThatThrownBy(() -> Epochs.decode("x".getBytes(StandardCharsets.US_ASCII)))
            .isInstanceOf(IllegalArgumentException.class);
    }
}

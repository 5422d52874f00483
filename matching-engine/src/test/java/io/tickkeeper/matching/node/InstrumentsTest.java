package io.tickkeeper.matching.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import io.tickkeeper.matching.InstrumentSpec;

class InstrumentsTest
{
    @Test
    void shouldGiveAnIdOnlyEntryTheDefaultSpecification()
    {
        final InstrumentSpec[] specs = Instruments.parse(Instruments.DEFAULT);

        assertThat(specs).extracting(InstrumentSpec::instrumentId).containsExactly(1, 2, 3, 4);
        assertThat(specs[0].initialReferencePrice()).isEqualTo(Instruments.DEFAULT_REFERENCE_PRICE);
    }

    @Test
    void shouldReadAllSevenFields()
    {
        final InstrumentSpec spec = Instruments.parse("9:5:10:10:1000:500:20000")[0];

        assertThat(spec).isEqualTo(new InstrumentSpec(9, 5, 10, 10, 1_000, 500, 20_000));
    }

    @Test
    void shouldRefuseMalformedOrRepeatedEntries()
    {
        assertThatThrownBy(() -> Instruments.parse("1,x")).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("'x'");
        assertThatThrownBy(() -> Instruments.parse("1:2:3")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Instruments.parse("1,1")).hasMessageContaining("twice");
        assertThatThrownBy(() -> Instruments.parse(" , ")).hasMessageContaining("no instruments");
        assertThatThrownBy(() -> Instruments.parse("9:0:1:1:10:500:100")).hasMessageContaining("tickSize");
    }
}

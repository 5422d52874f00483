package io.tickkeeper.matching;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClientOrderIndexTest
{
    @Test
    void shouldTellKeysApartByAccountAndClientOrderId()
    {
        final ClientOrderIndex index = new ClientOrderIndex(4);
        final Order first = new Order();
        final Order second = new Order();
        index.put(1, 7, first);
        index.put(2, 7, second);

        assertThat(index.get(1, 7)).isSameAs(first);
        assertThat(index.get(2, 7)).isSameAs(second);
        assertThat(index.get(1, 8)).isNull();
        assertThat(index.remove(1, 7)).isSameAs(first);
        assertThat(index.get(1, 7)).isNull();
        assertThat(index.get(2, 7)).isSameAs(second);
        assertThat(index.remove(1, 7)).isNull();
        assertThat(index.size()).isOne();
    }

    @Test
    void shouldRefuseADuplicateKey()
    {
        final ClientOrderIndex index = new ClientOrderIndex(4);
        index.put(1, 7, new Order());

        assertThatThrownBy(() -> index.put(1, 7, new Order()))
            .isInstanceOf(IllegalStateException.class)
            .hasMessage("account 1 already has open client order id 7");
    }

    @Test
    void shouldMatchAHashMapUnderRandomPutsAndRemovesWhileGrowing()
    {
        final ClientOrderIndex index = new ClientOrderIndex(0);
        final Map<Long, Order> model = new HashMap<>();
        final SplittableRandom random = new SplittableRandom(7);
        for (int step = 0; step < 200_000; step++)
        {
            final int accountId = random.nextInt(50) - 10;
            final long clientOrderId = random.nextInt(2_000) * 0x1_0000_0001L;
            final long key = (long)accountId << 48 ^ clientOrderId;
            final Order expected = model.get(key);
            assertThat(index.get(accountId, clientOrderId)).isSameAs(expected);
            if (expected != null && random.nextInt(5) < 3)
            {
                assertThat(index.remove(accountId, clientOrderId)).isSameAs(model.remove(key));
            }
            else if (expected == null)
            {
                final Order order = new Order();
                index.put(accountId, clientOrderId, order);
                model.put(key, order);
            }
            assertThat(index.size()).isEqualTo(model.size());
        }
        assertThat(model.size()).isGreaterThan(1_000);
        for (final Map.Entry<Long, Order> entry : model.entrySet())
        {
            final int accountId = (int)(entry.getKey() >> 48);
            final long clientOrderId = entry.getKey() ^ (long)accountId << 48;
            assertThat(index.get(accountId, clientOrderId)).isSameAs(entry.getValue());
        }
    }
}

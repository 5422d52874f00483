package io.tickkeeper.runtime;

import org.agrona.MutableDirectBuffer;

/**
 * Where an {@link InputHandler} writes the outputs of one input, in order. Writing one output is claim, encode,
 * commit:
 * <pre>{@code
 * final int offset = out.claim(MyEncoder.MAX_LENGTH);
 * encoder.wrapAndApplyHeader(out.buffer(), offset, headerEncoder) ... ;
 * out.commit(MessageHeaderEncoder.ENCODED_LENGTH + encoder.encodedLength());
 * }</pre>
 */
public interface OutputSink
{
    /** @return the buffer to encode into; it grows as needed, so claimed room is always there. */
    MutableDirectBuffer buffer();

    /**
     * Reserves room for the next output.
     *
     * @param maxLength the most bytes the output can take.
     * @return the offset in {@link #buffer()} at which to encode it.
     */
    int claim(int maxLength);

    /**
     * Completes the output claimed last.
     *
     * @param length how many bytes were encoded at the claimed offset; at most the claimed maximum.
     */
    void commit(int length);
}

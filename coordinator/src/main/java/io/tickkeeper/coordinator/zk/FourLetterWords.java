package io.tickkeeper.coordinator.zk;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sends one of ZooKeeper's four-letter commands ({@code ruok}, {@code srvr}, {@code mntr}) to a server's client
 * port and reads the whole answer. The servers must whitelist the command ({@code 4lw.commands.whitelist}).
 */
final class FourLetterWords
{
    private FourLetterWords()
    {
    }

    /**
     * @param host      server address.
     * @param port      client port.
     * @param command   four-letter command.
     * @param timeoutMs connect and read timeout.
     * @return the server's answer.
     * @throws IOException when the server does not answer.
     */
    static String send(final String host, final int port, final String command, final int timeoutMs)
        throws IOException
    {
        try (Socket socket = new Socket())
        {
            socket.connect(new InetSocketAddress(host, port), timeoutMs);
            socket.setSoTimeout(timeoutMs);
            final OutputStream out = socket.getOutputStream();
            out.write(command.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            socket.shutdownOutput();
            final InputStream in = socket.getInputStream();
            final ByteArrayOutputStream answer = new ByteArrayOutputStream(4096);
            in.transferTo(answer);
            return answer.toString(StandardCharsets.UTF_8);
        }
    }

    /**
     * @param answer a {@code mntr} answer ({@code key<TAB>value} lines).
     * @return its keys and values, in order.
     */
    static Map<String, String> parseMntr(final String answer)
    {
        final Map<String, String> values = new LinkedHashMap<>();
        for (final String line : answer.split("\n"))
        {
            final int tab = line.indexOf('\t');
            if (tab > 0)
            {
                values.put(line.substring(0, tab).trim(), line.substring(tab + 1).trim());
            }
        }
        return values;
    }

    /**
     * @param answer a {@code srvr} answer ({@code Key: value} lines).
     * @return its keys and values, in order.
     */
    static Map<String, String> parseSrvr(final String answer)
    {
        final Map<String, String> values = new LinkedHashMap<>();
        for (final String line : answer.split("\n"))
        {
            final int colon = line.indexOf(':');
            if (colon > 0)
            {
                values.put(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
            }
        }
        return values;
    }
}

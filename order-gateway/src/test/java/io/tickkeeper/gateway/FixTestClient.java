package io.tickkeeper.gateway;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import quickfix.ApplicationAdapter;
import quickfix.ConfigError;
import quickfix.DefaultMessageFactory;
import quickfix.FieldNotFound;
import quickfix.MemoryStoreFactory;
import quickfix.Message;
import quickfix.SLF4JLogFactory;
import quickfix.Session;
import quickfix.SessionID;
import quickfix.SessionNotFound;
import quickfix.SessionSettings;
import quickfix.SocketInitiator;
import quickfix.field.MsgType;
import quickfix.field.Password;
import quickfix.field.Username;

/**
 * A real QuickFIX/J FIX 4.4 initiator for tests: logs on with a Username/Password, validates everything it
 * receives against the FIX44 dictionary, and queues the application messages and the Reject and Logout
 * messages it receives.
 */
final class FixTestClient implements AutoCloseable
{
    private final BlockingQueue<Message> received = new LinkedBlockingQueue<>();
    private final SessionID sessionId;
    private final SocketInitiator initiator;

    FixTestClient(final String senderCompId, final int port, final String username, final String password)
        throws ConfigError
    {
        sessionId = new SessionID("FIX.4.4", senderCompId, FixGateway.DEFAULT_COMP_ID);
        final SessionSettings settings = new SessionSettings();
        settings.setString("ConnectionType", "initiator");
        settings.setString("StartTime", "00:00:00");
        settings.setString("EndTime", "00:00:00");
        settings.setString("HeartBtInt", "30");
        settings.setString("ReconnectInterval", "60");
        settings.setString("UseDataDictionary", "Y");
        settings.setString("DataDictionary", "FIX44.xml");
        settings.setString("ResetOnLogon", "Y");
        settings.setString("SocketConnectHost", "127.0.0.1");
        settings.setString("SocketConnectPort", Integer.toString(port));
        settings.setString(sessionId, "BeginString", "FIX.4.4");
        settings.setString(sessionId, "SenderCompID", senderCompId);
        settings.setString(sessionId, "TargetCompID", FixGateway.DEFAULT_COMP_ID);
        final ApplicationAdapter application = new ApplicationAdapter()
        {
            @Override
            public void toAdmin(final Message message, final SessionID id)
            {
                if (type(message).equals(MsgType.LOGON))
                {
                    message.setString(Username.FIELD, username);
                    message.setString(Password.FIELD, password);
                }
            }

            @Override
            public void fromAdmin(final Message message, final SessionID id)
            {
                final String type = type(message);
                if (type.equals(MsgType.REJECT) || type.equals(MsgType.LOGOUT))
                {
                    received.add(message);
                }
            }

            @Override
            public void fromApp(final Message message, final SessionID id)
            {
                received.add(message);
            }
        };
        initiator = new SocketInitiator(application, new MemoryStoreFactory(), settings,
            new SLF4JLogFactory(settings), new DefaultMessageFactory());
        initiator.start();
    }

    static String type(final Message message)
    {
        try
        {
            return message.getHeader().getString(MsgType.FIELD);
        }
        catch (final FieldNotFound ex)
        {
            throw new IllegalStateException(ex);
        }
    }

    boolean awaitLoggedOn(final long timeoutMs) throws InterruptedException
    {
        final long deadline = System.currentTimeMillis() + timeoutMs;
        while (System.currentTimeMillis() < deadline)
        {
            final Session session = Session.lookupSession(sessionId);
            if (session != null && session.isLoggedOn())
            {
                return true;
            }
            Thread.sleep(10);
        }
        return false;
    }

    boolean loggedOn()
    {
        final Session session = Session.lookupSession(sessionId);
        return session != null && session.isLoggedOn();
    }

    void send(final Message message) throws SessionNotFound
    {
        Session.sendToTarget(message, sessionId);
    }

    /** @return the next message received, or fails after 5 s. */
    Message next() throws InterruptedException
    {
        final Message message = received.poll(5, TimeUnit.SECONDS);
        if (message == null)
        {
            throw new AssertionError(sessionId + ": nothing received in 5 s");
        }
        return message;
    }

    /** @return the next message received within the time, or null. */
    Message poll(final long timeoutMs) throws InterruptedException
    {
        return received.poll(timeoutMs, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close()
    {
        initiator.stop(true);
    }
}

package io.tickkeeper.gateway;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

import quickfix.ConfigError;
import quickfix.DefaultMessageFactory;
import quickfix.FileStoreFactory;
import quickfix.LogFactory;
import quickfix.MessageFactory;
import quickfix.MessageStoreFactory;
import quickfix.SLF4JLogFactory;
import quickfix.SessionID;
import quickfix.SessionSettings;
import quickfix.SocketAcceptor;
import quickfix.mina.acceptor.DynamicAcceptorSessionProvider;

/**
 * The FIX 4.4 acceptor of one gateway: QuickFIX/J settings generated in code, a file message store per gateway
 * under its data directory, and one session template that accepts any SenderCompID (the logon's
 * Username/Password decide the account, see {@link FixGatewayApplication}).
 * <p>
 * Lifecycle: LATENT → STARTED ({@link #start()}) → CLOSED ({@link #close()}), guarded by compare-and-set.
 */
public final class FixGateway implements AutoCloseable
{
    /** The gateway's SenderCompID unless set otherwise. */
    public static final String DEFAULT_COMP_ID = "TICKKEEPER";
    /** Heartbeat interval the gateway asks for, in seconds (a client's Logon sets its own). */
    public static final int HEARTBEAT_SECONDS = 30;

    private enum State
    {
        LATENT, STARTED, CLOSED
    }

    private final AtomicReference<State> state = new AtomicReference<>(State.LATENT);
    private final FixGatewayApplication application;
    private final SocketAcceptor acceptor;
    private final int port;

    /**
     * @param application the FIX application (started by {@link #start()}).
     * @param host        address to listen on.
     * @param port        TCP port to listen on.
     * @param compId      the gateway's SenderCompID.
     * @param dataDir     the QuickFIX/J message store lives in {@code dataDir/fix-store}.
     * @throws ConfigError when QuickFIX/J refuses the settings.
     */
    public FixGateway(final FixGatewayApplication application, final String host, final int port,
        final String compId, final Path dataDir) throws ConfigError
    {
        if (port <= 0 || port > 65535)
        {
            throw new IllegalArgumentException("port must be 1..65535: " + port);
        }
        this.application = application;
        this.port = port;
        final SessionID template = new SessionID("FIX.4.4", compId, DynamicAcceptorSessionProvider.WILDCARD);
        final SessionSettings settings = settings(template, host, port, dataDir);
        final MessageStoreFactory storeFactory = new FileStoreFactory(settings);
        final LogFactory logFactory = new SLF4JLogFactory(settings);
        final MessageFactory messageFactory = new DefaultMessageFactory();
        this.acceptor = new SocketAcceptor(application, storeFactory, settings, logFactory, messageFactory);
        acceptor.setSessionProvider(new InetSocketAddress(host, port), new DynamicAcceptorSessionProvider(
            settings, template, application, storeFactory, logFactory, messageFactory));
    }

    /**
     * The QuickFIX/J settings of a gateway: one acceptor template session, validation with the FIX44 dictionary on.
     *
     * @param template the template's session id (TargetCompID is the wildcard).
     * @param host     address to listen on.
     * @param port     TCP port to listen on.
     * @param dataDir  the data directory of this gateway.
     * @return the settings.
     */
    static SessionSettings settings(final SessionID template, final String host, final int port,
        final Path dataDir)
    {
        final SessionSettings settings = new SessionSettings();
        settings.setString("ConnectionType", "acceptor");
        settings.setString("FileStorePath", dataDir.resolve("fix-store").toString());
        settings.setString("StartTime", "00:00:00");
        settings.setString("EndTime", "00:00:00");
        settings.setString("UseDataDictionary", "Y");
        settings.setString("DataDictionary", "FIX44.xml");
        settings.setString("ValidateIncomingMessage", "Y");
        settings.setString("ValidateFieldsOutOfOrder", "N");
        settings.setString("ValidateFieldsHaveValues", "Y");
        settings.setString("ValidateUserDefinedFields", "N");
        settings.setString("AllowUnknownMsgFields", "N");
        settings.setString("RejectInvalidMessage", "Y");
        settings.setString("RejectMessageOnUnhandledException", "Y");
        settings.setString("ResetOnLogon", "Y");
        settings.setString("ResetOnLogout", "N");
        settings.setString("ResetOnDisconnect", "N");
        settings.setString("RefreshOnLogon", "N");
        settings.setString("HeartBtInt", Integer.toString(HEARTBEAT_SECONDS));
        settings.setString("SocketAcceptAddress", host);
        settings.setString("SocketAcceptPort", Integer.toString(port));
        settings.setString("SocketTcpNoDelay", "Y");
        settings.setString("SLF4JLogHeartbeats", "N");
        settings.setString("SLF4JLogPrependSessionID", "Y");
        settings.setString(template, "BeginString", template.getBeginString());
        settings.setString(template, "SenderCompID", template.getSenderCompID());
        settings.setString(template, "TargetCompID", template.getTargetCompID());
        settings.setString(template, "AcceptorTemplate", "Y");
        return settings;
    }

    /**
     * Starts the application (its risk channel) and then accepts connections.
     *
     * @throws ConfigError when the acceptor cannot start (e.g. the port is taken).
     */
    public void start() throws ConfigError
    {
        if (!state.compareAndSet(State.LATENT, State.STARTED))
        {
            throw new IllegalStateException("start once: " + state.get());
        }
        application.start();
        acceptor.start();
    }

    /** @return the TCP port the gateway accepts on. */
    public int port()
    {
        return port;
    }

    /** Logs every session out and stops accepting. Idempotent. */
    @Override
    public void close()
    {
        if (state.getAndSet(State.CLOSED) == State.STARTED)
        {
            acceptor.stop(true);
        }
    }
}

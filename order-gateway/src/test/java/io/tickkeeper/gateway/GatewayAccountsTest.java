package io.tickkeeper.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class GatewayAccountsTest
{
    @TempDir
    Path dir;

    @Test
    void shouldShipTwoDemoAccountsAndADropCopyUser()
    {
        final GatewayAccounts accounts = GatewayAccounts.defaults();
        assertEquals(new GatewayAccount("alpha", "alpha-demo", 1, true, false),
            accounts.authenticate("alpha", "alpha-demo"));
        assertEquals(new GatewayAccount("bravo", "bravo-demo", 2, false, false),
            accounts.authenticate("bravo", "bravo-demo"));
        assertTrue(accounts.authenticate("dropcopy", "dropcopy-demo").dropCopy());
        assertEquals(3, accounts.all().size());
    }

    @Test
    void shouldRefuseWrongOrMissingCredentials()
    {
        final GatewayAccounts accounts = GatewayAccounts.defaults();
        assertNull(accounts.authenticate("alpha", "bravo-demo"));
        assertNull(accounts.authenticate("alpha", null));
        assertNull(accounts.authenticate(null, "alpha-demo"));
        assertNull(accounts.authenticate("carol", "x"));
    }

    @Test
    void shouldLoadAFile() throws IOException
    {
        final Path file = dir.resolve("accounts.properties");
        Files.writeString(file, "user.t1.password=p1\nuser.t1.account=11\nuser.t1.cancelOnDisconnect=true\n");
        assertEquals(new GatewayAccount("t1", "p1", 11, true, false),
            GatewayAccounts.load(file).authenticate("t1", "p1"));
    }

    @Test
    void shouldRefuseBadFiles() throws IOException
    {
        assertThrows(IllegalArgumentException.class, () -> load("user.t1.password=p\n"));
        assertThrows(IllegalArgumentException.class, () -> load("user.t1.password=p\nuser.t1.account=x\n"));
        assertThrows(IllegalArgumentException.class, () -> load("user.t1.password=p\nuser.t1.acount=1\n"));
        assertThrows(IllegalArgumentException.class,
            () -> load("user.t1.password=p\nuser.t1.account=1\nuser.t1.cancelOnDisconnect=yes\n"));
        assertThrows(IllegalArgumentException.class,
            () -> load("user.t1.password=p\nuser.t1.account=1\nuser.t2.password=q\nuser.t2.account=1\n"));
        assertThrows(IllegalArgumentException.class,
            () -> load("user.d.password=p\nuser.d.account=1\nuser.d.dropCopy=true\n"));
        assertThrows(IllegalArgumentException.class, () -> load("# nothing\n"));
        assertThrows(IllegalArgumentException.class, () -> GatewayAccounts.of(List.of(
            new GatewayAccount("a", "p", 1, false, false), new GatewayAccount("a", "q", 2, false, false))));
    }

    private GatewayAccounts load(final String text) throws IOException
    {
        final Path file = Files.createTempFile(dir, "accounts", ".properties");
        Files.writeString(file, text);
        return GatewayAccounts.load(file);
    }
}

package io.tickkeeper.risk;

/** An account's net position in one instrument and the open quantity of its orders on each side. */
final class Position
{
    long net;
    long openBuys;
    long openSells;
}

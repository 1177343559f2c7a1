package vn.binhdan.demo;

import vn.binhdan.unit.Unit;

/**
 * The demo's units, people, accounts and plan are in place; parts that build on them listen
 * for this (still inside the system user's run, so they act with its rights). {@code commune}
 * is the commune officer's and {@code village} the team member's.
 */
record DemoLoaded(Unit province, Unit commune, Unit village) {
}

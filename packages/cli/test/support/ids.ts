import { randomUUID } from "node:crypto";

/**
 * The mock's scenarios keep their progress per path id, and Prism answers the spec's example for
 * any well-formed id, so each test takes fresh ids and never sees another test's progress.
 */
export const freshId = (): string => randomUUID();

/** The ids the spec's examples use everywhere. */
export const EXAMPLE_OFFER_ID = "3f6c1a2e-9b4d-4c8e-a1f7-5d2e8b9c0a11";
export const EXAMPLE_RESOURCE_ID = "c7e9b1d3-5f2a-4e6c-8b0d-1a3c5e7f9b24";

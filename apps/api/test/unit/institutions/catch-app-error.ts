import { AppError } from "../../../src/errors/app-error.ts";

/** Runs `fn` and returns the AppError it throws; fails the test if it returns or throws anything else. */
export function catchAppError(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("Expected an AppError, but nothing was thrown");
}

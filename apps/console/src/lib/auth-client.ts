"use client";
import { twoFactorClient } from "better-auth/client/plugins";
import { createAuthClient } from "better-auth/react";

// No baseURL: the browser calls /api/auth on the console's own origin (proxied to the API).
export const authClient = createAuthClient({ plugins: [twoFactorClient()] });

// The webhook provider registry: one module per CMS, looked up by the :provider route segment.
import { contentful } from "./contentful";
import type { Provider } from "./contract";
import { ghost } from "./ghost";
import { sanity } from "./sanity";
import { standard } from "./standard";
import { strapi } from "./strapi";
import { wordpress } from "./wordpress";

/** The one list of providers: the OpenAPI enum, the error message and the tests read it. */
export const providers = { contentful, ghost, sanity, standard, strapi, wordpress } satisfies Record<string, Provider>;

export type ProviderName = keyof typeof providers;

export function findProvider(name: string): Provider | undefined {
  return Object.hasOwn(providers, name) ? providers[name as ProviderName] : undefined;
}

// The webhook provider registry: one module per CMS, looked up by the :provider route segment.
import { contentful } from "./contentful";
import type { Provider } from "./contract";
import { ghost } from "./ghost";
import { sanity } from "./sanity";
import { standard } from "./standard";
import { strapi } from "./strapi";
import { wordpress } from "./wordpress";

export const providers: Record<string, Provider> = { contentful, ghost, sanity, standard, strapi, wordpress };

export function findProvider(name: string): Provider | undefined {
  return Object.hasOwn(providers, name) ? providers[name] : undefined;
}

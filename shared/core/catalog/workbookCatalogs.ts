import type { CatalogEdition, Workbook } from '../model';
import { BUILTIN_CATALOGS, buildCatalog, type Catalog, type CatalogKind, type Catalogs } from './catalog';

const built = new WeakMap<CatalogEdition, Catalog>();

function editionCatalog(kind: CatalogKind, edition: CatalogEdition): Catalog {
  let catalog = built.get(edition);
  if (!catalog) {
    catalog = buildCatalog(kind, edition.rows.map((r) => ({ ...r, source: `导入:${edition.edition}` })), edition.edition);
    built.set(edition, catalog);
  }
  return catalog;
}

/** The catalogs a workbook uses: its imported editions, the built-in catalogs for the rest. */
export function workbookCatalogs(wb: Pick<Workbook, 'catalogEditions'>): Catalogs {
  const editions = wb.catalogEditions;
  if (!editions?.function && !editions?.economic) return BUILTIN_CATALOGS;
  return {
    function: editions.function ? editionCatalog('function', editions.function) : BUILTIN_CATALOGS.function,
    economic: editions.economic ? editionCatalog('economic', editions.economic) : BUILTIN_CATALOGS.economic,
  };
}

import type { CatalogEdition, Workbook } from '../model';
import { buildCatalog, type Catalog, type CatalogKind, type Catalogs } from './catalog';
import { builtinEdition } from './editions';

const built = new WeakMap<CatalogEdition, Catalog>();

function editionCatalog(kind: CatalogKind, edition: CatalogEdition): Catalog {
  let catalog = built.get(edition);
  if (!catalog) {
    catalog = buildCatalog(kind, edition.rows.map((r) => ({ ...r, source: `导入:${edition.edition}` })), edition.edition);
    built.set(edition, catalog);
  }
  return catalog;
}

/** The catalogs a workbook uses: its imported editions, the built-in edition of its year for the rest. */
export function workbookCatalogs(wb: Pick<Workbook, 'catalogEditions'> & { year?: number }): Catalogs {
  const editions = wb.catalogEditions;
  const builtin = builtinEdition(wb.year);
  if (!editions?.function && !editions?.economic) return builtin;
  return {
    function: editions.function ? editionCatalog('function', editions.function) : builtin.function,
    economic: editions.economic ? editionCatalog('economic', editions.economic) : builtin.economic,
  };
}

import {
  columnVisibilityFeature,
  rowPaginationFeature,
  rowSelectionFeature,
  rowSortingFeature,
  tableFeatures,
} from "@tanstack/react-table";

/** Sorting and paging run on the server (manual mode); visibility is the viewer's choice; selection feeds the bulk bar. */
export const invitationFeatures = tableFeatures({
  rowSortingFeature,
  columnVisibilityFeature,
  rowPaginationFeature,
  rowSelectionFeature,
});

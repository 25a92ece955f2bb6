import { columnVisibilityFeature, rowPaginationFeature, rowSortingFeature, tableFeatures } from "@tanstack/react-table";

/** Sorting and paging run on the server (manual mode); visibility is the viewer's choice. */
export const invitationFeatures = tableFeatures({ rowSortingFeature, columnVisibilityFeature, rowPaginationFeature });

/** The parts of a Notion data source's schema delivery sync relies on. */
export interface DeliverySchema {
  dataSourceId: string;
  /** Name of the title property, whatever the workspace calls it. */
  titleProperty: string;
  /** Property name → type and, for status/select, its option names. */
  properties: Record<string, { type: string; options: string[] }>;
}

/** Which of the supported types each written property has in this data source. */
export interface DeliveryPropertyKinds {
  status: 'status' | 'select';
  reviewer: 'rich_text' | 'people';
  qa: 'select' | 'rich_text';
  /** A checkbox property, or a value of the status property. */
  blocked: 'checkbox' | 'status_value';
}

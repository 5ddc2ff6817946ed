/**
 * How the add-in's marks on invalid cells are recognised: a conditional format whose custom rule is
 * exactly this always-true formula. A rule of the user's own never has it, so clearing marks deletes
 * only ours, and the readers never see marks (they read values only).
 */
export const MARK_FORMULA = '=ISTEXT("tj-report-invalid")';

/** A light red fill in explicit RGB: theme colours and named styles do not survive every host. */
export const MARK_FILL = "#FFC7CE";

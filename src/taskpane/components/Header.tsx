import { Caption1, makeStyles, Title2 } from "@fluentui/react-components";
import * as React from "react";
import { TEMPLATE } from "../../core/definition";

const useStyles = makeStyles({
  header: { display: "flex", flexDirection: "column", gap: "2px" },
});

export function Header(): React.JSX.Element {
  const styles = useStyles();
  return (
    <header className={styles.header}>
      <Title2 as="h1">{TEMPLATE.title}</Title2>
      <Caption1>模板版本 {TEMPLATE.version} · 插入填报模板、校验填报内容、汇总各单位报送的总结</Caption1>
    </header>
  );
}

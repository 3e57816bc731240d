package io.dataplatform.athena.internal;

import io.trino.sql.tree.AddColumn;
import io.trino.sql.tree.Comment;
import io.trino.sql.tree.CreateSchema;
import io.trino.sql.tree.CreateTable;
import io.trino.sql.tree.CreateView;
import io.trino.sql.tree.Deallocate;
import io.trino.sql.tree.DescribeInput;
import io.trino.sql.tree.DescribeOutput;
import io.trino.sql.tree.DropColumn;
import io.trino.sql.tree.DropSchema;
import io.trino.sql.tree.DropTable;
import io.trino.sql.tree.DropView;
import io.trino.sql.tree.Explain;
import io.trino.sql.tree.Prepare;
import io.trino.sql.tree.RenameColumn;
import io.trino.sql.tree.RenameSchema;
import io.trino.sql.tree.RenameTable;
import io.trino.sql.tree.RenameView;
import io.trino.sql.tree.SetColumnType;
import io.trino.sql.tree.SetProperties;
import io.trino.sql.tree.ShowCatalogs;
import io.trino.sql.tree.ShowColumns;
import io.trino.sql.tree.ShowCreate;
import io.trino.sql.tree.ShowFunctions;
import io.trino.sql.tree.ShowSchemas;
import io.trino.sql.tree.ShowSession;
import io.trino.sql.tree.ShowTables;
import io.trino.sql.tree.Statement;
import java.util.Set;

/**
 * The statements that read no table data: DDL and metadata statements, which Athena answers from
 * the catalog and does not bill by bytes scanned, and PREPARE/DEALLOCATE/EXPLAIN, which run no
 * query. Everything else is sized, or has no estimate.
 */
final class FreeStatements {
    private static final Set<Class<? extends Statement>> SCAN_NOTHING = Set.of(
            CreateTable.class, CreateView.class, CreateSchema.class, DropTable.class, DropView.class, DropSchema.class,
            RenameTable.class, RenameColumn.class, RenameView.class, RenameSchema.class, AddColumn.class, DropColumn.class,
            SetColumnType.class, SetProperties.class, Comment.class, ShowTables.class, ShowSchemas.class,
            ShowCatalogs.class, ShowColumns.class, ShowCreate.class, ShowFunctions.class, ShowSession.class,
            DescribeInput.class, DescribeOutput.class, Prepare.class, Deallocate.class, Explain.class);

    private FreeStatements() {
    }

    static boolean scansNothing(Statement statement) {
        return SCAN_NOTHING.contains(statement.getClass());
    }
}

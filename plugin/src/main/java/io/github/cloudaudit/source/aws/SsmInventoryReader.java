package io.github.cloudaudit.source.aws;

import io.github.cloudaudit.model.DatabaseEngine;
import io.github.cloudaudit.model.Provider;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code aws ssm get-inventory --result-attributes TypeName=AWS:Application}: the software SSM found installed on
 * each managed instance. A database server package names the engine and its version on a virtual machine, which
 * nothing else in the inventory tells: a VM whose inventory lists mysql-server 5.6 runs MySQL 5.6.
 */
public final class SsmInventoryReader extends AwsCliReader {

    private record Package(Pattern name, String product) {
    }

    /** Server packages, not clients or libraries, as Linux distributions and Windows installers name them. */
    private static final List<Package> SERVERS = List.of(
            new Package(Pattern.compile("(?i)(mysql(-community)?-server(-core)?(-\\d.*)?|percona-server-server.*|MySQL Server \\d.*)"), "mysql"),
            new Package(Pattern.compile("(?i)mariadb-server(-core)?(-\\d.*)?"), "mariadb"),
            new Package(Pattern.compile("(?i)postgresql(\\d+)?-server|postgresql-\\d+(\\.\\d+)?|postgresql\\d+"), "postgresql"),
            new Package(Pattern.compile("(?i)(mssql-server|Microsoft SQL Server \\d{4}.*(Database Engine|Setup).*)"), "sqlserver"),
            new Package(Pattern.compile("(?i)oracle-database-(ee|se2|xe|free)-.*"), "oracle"),
            new Package(Pattern.compile("(?i)mongodb(-org)?-server"), "mongodb"));

    /** A package version without its epoch ({@code 1:}) and distribution suffix: {@code 1:5.6.51-1+deb9} is 5.6.51. */
    private static final Pattern VERSION = Pattern.compile("^(?:\\d+:)?(\\d+(?:\\.\\d+)*)");

    public SsmInventoryReader() {
        super("ssm get-inventory", "Entities");
    }

    @Override
    protected ListingHandler open(Listing listing) {
        return (key, entity) -> {
            String instanceId = entity.text("Id");
            if (instanceId == null) {
                throw entity.fail("to have an Id, the managed instance's id");
            }
            for (AwsItem application : entity.list("Data", "AWS:Application", "Content")) {
                Optional<DatabaseEngine> engine = engine(application.text("Name"), application.text("Version"));
                if (engine.isPresent()) {
                    listing.builder().installedEngine(Provider.AWS, instanceId, engine.get());
                    return;
                }
            }
        };
    }

    static Optional<DatabaseEngine> engine(String name, String version) {
        if (name == null) {
            return Optional.empty();
        }
        for (Package server : SERVERS) {
            if (server.name().matcher(name.trim()).matches()) {
                Matcher number = VERSION.matcher(version == null ? "" : version.trim());
                return Optional.of(new DatabaseEngine(server.product(), number.find() ? number.group(1) : null));
            }
        }
        return Optional.empty();
    }
}

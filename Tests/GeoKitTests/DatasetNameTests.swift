import Foundation
import Testing

@testable import GeoKit

/// Every form of secret GDAL accepts in a dataset name is masked; everything else is kept.
@Suite("Dataset names")
struct DatasetNameTests {
    static let pg = "PG:host=127.0.0.1 port=5432 dbname=survey user=postgres"

    @Test func postgresPasswordIsMaskedAndTheRestKept() {
        #expect(DatasetName.publicForm(Self.pg + " password=Secr3tPass") == Self.pg + " password=***")
        #expect(DatasetName.publicForm("PG:password=Secr3tPass dbname=survey") == "PG:password=*** dbname=survey")
        #expect(DatasetName.publicForm("pg:dbname=survey PASSWORD=Secr3tPass") == "pg:dbname=survey PASSWORD=***")
        #expect(DatasetName.publicForm("PG:dbname=survey sslpassword=Secr3tPass") == "PG:dbname=survey sslpassword=***")
    }

    @Test func postgresPasswordWithSpacingAndQuoting() {
        #expect(
            DatasetName.publicForm("PG:dbname=survey password = Secr3tPass user=postgres")
                == "PG:dbname=survey password = *** user=postgres")
        #expect(
            DatasetName.publicForm("PG:dbname=survey password='Secr3t Pass=word' user=postgres")
                == "PG:dbname=survey password=*** user=postgres")
        #expect(
            DatasetName.publicForm(#"PG:dbname=survey password='it\'s a secret' user=postgres"#)
                == "PG:dbname=survey password=*** user=postgres")
        #expect(
            DatasetName.publicForm(#"PG:dbname=survey password=Secr3t\ Pass user=postgres"#)
                == "PG:dbname=survey password=*** user=postgres")
        #expect(DatasetName.publicForm("PG:dbname=survey password='unclosed secret") == "PG:dbname=survey password=***")
        #expect(DatasetName.publicForm("PG:dbname=survey password=") == "PG:dbname=survey password=***")
    }

    @Test func sqlServerAndODBCPasswords() {
        #expect(
            DatasetName.publicForm(#"MSSQL:server=.\SQLEXPRESS;database=survey;uid=sa;pwd=Secr3t Pass;tables=p"#)
                == #"MSSQL:server=.\SQLEXPRESS;database=survey;uid=sa;pwd=***;tables=p"#)
        #expect(
            DatasetName.publicForm("ODBC:DRIVER={ODBC Driver 18};SERVER=db;UID=u;PWD={a;b}}c=d};DATABASE=survey")
                == "ODBC:DRIVER={ODBC Driver 18};SERVER=db;UID=u;PWD=***;DATABASE=survey")
        #expect(
            DatasetName.publicForm(#"MSSQL:server=db;database=survey;Password="x;y z";trusted_connection=no"#)
                == "MSSQL:server=db;database=survey;Password=***;trusted_connection=no")
        #expect(DatasetName.publicForm("ODBC:surveyor/Secr3t@GISDSN,parcels") == "ODBC:surveyor/***@GISDSN,parcels")
        #expect(DatasetName.publicForm("ODBC:GISDSN,parcels") == "ODBC:GISDSN,parcels")
    }

    @Test func mySQLPassword() {
        #expect(
            DatasetName.publicForm("MYSQL:survey,host=db,user=planner,password=Secr3t Pass,port=3306")
                == "MYSQL:survey,host=db,user=planner,password=***,port=3306")
    }

    @Test func oraclePassword() {
        #expect(DatasetName.publicForm("OCI:scott/Secr3t@orcl:parcels,towns") == "OCI:scott/***@orcl:parcels,towns")
        #expect(DatasetName.publicForm("OCI:scott/Secr3t:parcels") == "OCI:scott/***:parcels")
        #expect(DatasetName.publicForm("OCI:scott/p@ss@orcl") == "OCI:scott/***@orcl")
    }

    @Test func urlPasswords() {
        #expect(
            DatasetName.publicForm("/vsicurl/https://planner:Secr3t@data.example.cn/survey/parcels.geojson")
                == "/vsicurl/https://planner:***@data.example.cn/survey/parcels.geojson")
        #expect(
            DatasetName.publicForm("https://planner:p@ss?w#rd@data.example.cn/parcels.geojson")
                == "https://planner:***@data.example.cn/parcels.geojson")
        #expect(
            DatasetName.publicForm("PG:postgresql://postgres:Secr3t@127.0.0.1:5432/survey")
                == "PG:postgresql://postgres:***@127.0.0.1:5432/survey")
        #expect(
            DatasetName.publicForm("PG:postgresql://127.0.0.1/survey?user=postgres&password=Secr3t&sslmode=disable")
                == "PG:postgresql://127.0.0.1/survey?user=postgres&password=***&sslmode=disable")
        #expect(
            DatasetName.publicForm("/vsicurl?url=https%3A%2F%2Fdata.example.cn%2Fp.geojson&token=abc123")
                == "/vsicurl?url=https%3A%2F%2Fdata.example.cn%2Fp.geojson&token=***")
        #expect(
            DatasetName.publicForm("https://planner@data.example.cn:8080/parcels.geojson")
                == "https://planner@data.example.cn:8080/parcels.geojson")
    }

    @Test func cloudConfigurationOptions() {
        #expect(
            DatasetName.publicForm("AWS_SECRET_ACCESS_KEY=abc/def+ghi AWS_ACCESS_KEY_ID=AKIA123")
                == "AWS_SECRET_ACCESS_KEY=*** AWS_ACCESS_KEY_ID=AKIA123")
        #expect(
            DatasetName.publicForm("--config AWS_SECRET_ACCESS_KEY abc/def --config AWS_REGION cn-north-1")
                == "--config AWS_SECRET_ACCESS_KEY *** --config AWS_REGION cn-north-1")
        #expect(
            DatasetName.publicForm("--config AZURE_STORAGE_ACCESS_KEY 'k e y' /vsiaz/survey/parcels.gpkg")
                == "--config AZURE_STORAGE_ACCESS_KEY *** /vsiaz/survey/parcels.gpkg")
        #expect(
            DatasetName.publicForm("AZURE_STORAGE_CONNECTION_STRING=AccountName=survey;AccountKey=c2VjcmV0;x=y")
                == "AZURE_STORAGE_CONNECTION_STRING=AccountName=survey;AccountKey=***;x=y")
        #expect(DatasetName.publicForm("GDAL_HTTP_USERPWD=planner:Secr3t") == "GDAL_HTTP_USERPWD=***")
    }

    @Test func namesWithoutSecretsAreTheirOwnPublicForm() {
        for name in [
            "GeoData/demo/shapefile/parcels.shp", "/数据/2025/宗地.shp", "survey.gpkg", Self.pg,
            "PG:service=survey", "PG:dbname=survey passfile=/home/planner/.pgpass",
            "/vsizip/survey.zip/宗地.shp",
            "https://data.example.cn/survey/parcels.geojson?version=3", "WFS:https://data.example.cn/wfs",
            "AWS_ACCESS_KEY_ID=AKIA123", "",
        ] {
            #expect(DatasetName.publicForm(name) == name)
            #expect(DatasetName.secrets(in: name).isEmpty)
        }
    }

    @Test func theSameNameWithAnotherPasswordHasTheSamePublicForm() {
        let one = DatasetName.publicForm(Self.pg + " password=one")
        #expect(one == DatasetName.publicForm(Self.pg + " password='two words'"))
    }

    @Test func maskingTwiceChangesNothing() {
        let masked = DatasetName.publicForm(Self.pg + " password=Secr3tPass")
        #expect(DatasetName.publicForm(masked) == masked)
        let message = "sanse: \(masked): cannot open parcels input"
        #expect(DatasetName.publicForm(message) == message)
        #expect(DatasetName.publicForm(Self.pg + " password=***x") == Self.pg + " password=***")
    }

    @Test func secretsAreTheMaskedValuesAsWrittenAndAsRead() {
        #expect(DatasetName.secrets(in: Self.pg + " password=Secr3tPass") == ["Secr3tPass"])
        #expect(Set(DatasetName.secrets(in: #"PG:dbname=survey password='it\'s'"#)) == [#"it\'s"#, "it's"])
        #expect(DatasetName.secrets(in: "ODBC:DRIVER=x;PWD={a}}b}").contains("a}b"))
        #expect(DatasetName.secrets(in: "OCI:scott/tiger@orcl") == ["tiger"])
    }

    @Test func textQuotingANameIsMaskedWherever() {
        let name = "PG:dbname=survey user=postgres password='Secr3t Pass'"
        let message = "cannot open `\(name)': password \"Secr3t Pass\" was rejected; retry with PGPASSWORD=Secr3t"
        let masked = DatasetName.publicText(message, quoting: [name])
        #expect(!masked.contains("Secr3t"))
        #expect(masked.contains("`PG:dbname=survey user=postgres password=***'"))
        #expect(masked.contains("PGPASSWORD=***"))
        #expect(DatasetName.publicText("no names here", quoting: [Self.pg]) == "no names here")
    }

    @Test func localFilesAreToldFromOtherNames() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("geokit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(DatasetName.isLocalFile(folder.path))
        #expect(!DatasetName.isLocalFile(Self.pg))
        #expect(!DatasetName.isLocalFile("/vsicurl/https://data.example.cn/parcels.geojson"))
    }

    @Test func secretKeys() {
        for key in [
            "password", "PWD", "passwd", "sslpassword", "AWS_SECRET_ACCESS_KEY", "AZURE_STORAGE_ACCESS_KEY",
            "AWS_SESSION_TOKEN", "GS_OAUTH2_PRIVATE_KEY", "AZURE_SAS", "GDAL_HTTP_USERPWD", "X-Amz-Signature",
        ] {
            #expect(DatasetName.isSecretKey(key), "\(key)")
        }
        for key in ["user", "host", "dbname", "passfile", "sslkey", "AWS_ACCESS_KEY_ID", "AWS_REGION", "service"] {
            #expect(!DatasetName.isSecretKey(key), "\(key)")
        }
    }
}

-- DropTable
PRAGMA foreign_keys=off;
DROP TABLE "sign_in_throttle";
PRAGMA foreign_keys=on;


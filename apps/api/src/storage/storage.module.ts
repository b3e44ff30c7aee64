import { Module } from '@nestjs/common';
import { FILE_STORAGE } from './file-storage';
import { LocalFileStorage } from './local-file-storage';
import { UPLOADS_DIR } from './uploads-dir';

/** The file storage in use: the local uploads folder (UPLOADS_DIR is provided by AppModule). */
@Module({
  providers: [
    {
      provide: FILE_STORAGE,
      useFactory: (uploadsDir: string) => new LocalFileStorage(uploadsDir),
      inject: [UPLOADS_DIR],
    },
  ],
  exports: [FILE_STORAGE],
})
export class StorageModule {}

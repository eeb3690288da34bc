import type { Notice } from './text';

export interface NoticeBoxProps {
  notice: Notice;
  tone: 'info' | 'warning';
}

export function NoticeBox({ notice, tone }: NoticeBoxProps) {
  return (
    <div className="demo-notice" data-tone={tone}>
      <p className="demo-notice-title">{notice.title}</p>
      <p>{notice.body}</p>
    </div>
  );
}
